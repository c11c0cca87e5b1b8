/**
 * Deployment (apps/v1) defaulting: replicas 1, strategy RollingUpdate with maxUnavailable and
 * maxSurge "25%" (each defaulted on its own; nothing under rollingUpdate for Recreate),
 * revisionHistoryLimit 10, progressDeadlineSeconds 600, and the pod template.
 */
import { defaultPodTemplate } from './pod-spec';
import { ensureMap, isMap, setIfEmpty, setIfUnset, type JsonMap } from './json';

export function defaultDeployment(obj: JsonMap): void {
  const spec = ensureMap(obj, 'spec');
  setIfUnset(spec, 'replicas', 1);
  const strategy = ensureMap(spec, 'strategy');
  setIfEmpty(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    if (!isMap(strategy.rollingUpdate)) strategy.rollingUpdate = {};
    const ru = strategy.rollingUpdate as JsonMap;
    setIfUnset(ru, 'maxUnavailable', '25%');
    setIfUnset(ru, 'maxSurge', '25%');
  }
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  setIfUnset(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(ensureMap(spec, 'template'));
}
