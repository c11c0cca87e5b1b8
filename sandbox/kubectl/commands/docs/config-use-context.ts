/** `kubectl config use-context --help` exactly as kubectl v1.32 prints it (flags are parsed from it). */
export const CONFIG_USE_CONTEXT_HELP =
  'Set the current-context in a kubeconfig file.\n\nAliases:\nuse-context, use\n\nExamples:\n  # Use the context for the minikube cluster\n  kubectl config use-context minikube\n\nUsage:\n  kubectl config use-context CONTEXT_NAME [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
