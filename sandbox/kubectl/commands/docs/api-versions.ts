/** `kubectl api-versions --help` exactly as kubectl v1.32 prints it (flags are parsed from it). */
export const API_VERSIONS_HELP =
  'Print the supported API versions on the server, in the form of "group/version".\n\nExamples:\n  # Print the supported API versions\n  kubectl api-versions\n\nUsage:\n  kubectl api-versions [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
