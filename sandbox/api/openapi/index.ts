export {
  groupVersionDocument,
  openApiRoot,
  documentHash,
  groupVersionPath,
  SERVER_VERSION,
} from './documents';
export { componentSchemas, fieldToOpenApi, typeToOpenApi, type JsonSchema } from './schemas';
