/** `kubectl version --help` exactly as kubectl v1.32 prints it (flags are parsed from it). */
export const VERSION_HELP =
  "Print the client and server version information for the current context.\n\nExamples:\n  # Print the client and server versions for the current context\n  kubectl version\n\nOptions:\n    --client=false:\n\tIf true, shows client version only (no server required).\n\n    -o, --output='':\n\tOne of 'yaml' or 'json'.\n\nUsage:\n  kubectl version [flags] [options]\n\nUse \"kubectl options\" for a list of global command-line options (applies to all commands).\n";
