/**
 * Every test runs with write verification on: each trusted write of the cluster's components
 * (ApiServer.asComponent) is also strictly decoded and validated, and any difference from what the
 * trusted path stores fails the test (see sandbox/api/trusted.ts).
 */
import { setWriteVerification } from '../../sandbox/api/trusted';

setWriteVerification(true);
