/** `kubectl config current-context --help` exactly as kubectl v1.32 prints it (flags are parsed from it). */
export const CONFIG_CURRENT_CONTEXT_HELP =
  'Display the current-context.\n\nExamples:\n  # Display the current-context\n  kubectl config current-context\n\nUsage:\n  kubectl config current-context [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
