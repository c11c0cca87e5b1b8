/** Service validation: ports, types, selector, session affinity, traffic policies, clusterIP updates. */
import { describe, expect, it } from 'vitest';
import { createErrors, service, updateErrors, type Json } from './helpers';

const DNS1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('Service create', () => {
  it.each<[string, (s: Json & { spec: Json }) => void, string[]]>([
    ['valid ClusterIP', () => {}, []],
    ['valid NodePort', (s) => (s.spec.type = 'NodePort'), []],
    ['valid LoadBalancer', (s) => (s.spec.type = 'LoadBalancer'), []],
    ['no ports', (s) => (s.spec.ports = []), ['spec.ports: Required value']],
    [
      'headless without ports is fine',
      (s) => {
        s.spec.ports = [];
        s.spec.clusterIP = 'None';
      },
      [],
    ],
    [
      'ExternalName without ports needs an externalName',
      (s) => {
        s.spec = { type: 'ExternalName' };
      },
      ['spec.externalName: Required value'],
    ],
    ['ExternalName', (s) => (s.spec = { type: 'ExternalName', externalName: 'db.example.com.' }), []],
    [
      'port out of range',
      (s) => (s.spec.ports = [{ port: 0 }]),
      [
        'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'several ports must be named',
      (s) => (s.spec.ports = [{ port: 80 }, { name: 'https', port: 443 }]),
      ['spec.ports[0].name: Required value'],
    ],
    [
      'duplicate port (protocol, port): the internal ServicePort is printed',
      (s) =>
        (s.spec.ports = [
          { name: 'a', port: 80 },
          { name: 'b', port: 80, targetPort: 9090 },
        ]),
      [
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ],
    ],
    [
      'duplicate port names and a bad one',
      (s) =>
        (s.spec.ports = [
          { name: 'web', port: 80 },
          { name: 'web', port: 81 },
          { name: 'Web_2', port: 82 },
        ]),
      [
        'spec.ports[1].name: Duplicate value: "web"',
        `spec.ports[2].name: Invalid value: "Web_2": ${DNS1123_LABEL}`,
      ],
    ],
    ['targetPort by name', (s) => (s.spec.ports = [{ port: 80, targetPort: 'http' }]), []],
    [
      'unknown type',
      (s) => (s.spec.type = 'Foo'),
      [
        'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      ],
    ],
    [
      'nodePort on a ClusterIP Service',
      (s) => (s.spec.ports = [{ port: 80, nodePort: 30080 }]),
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
    [
      'duplicate nodePorts',
      (s) => {
        s.spec.type = 'NodePort';
        s.spec.ports = [
          { name: 'a', port: 80, nodePort: 30080 },
          { name: 'b', port: 81, nodePort: 30080 },
        ];
      },
      ['spec.ports[1].nodePort: Duplicate value: 30080'],
    ],
    [
      'selector labels are validated',
      (s) => (s.spec.selector = { 'bad key': 'x' }),
      [`spec.selector: Invalid value: "bad key": ${NAME_PART}`],
    ],
    [
      'session affinity',
      (s) => (s.spec.sessionAffinity = 'Cookie'),
      ['spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"'],
    ],
    [
      'externalTrafficPolicy on a ClusterIP Service',
      (s) => (s.spec.externalTrafficPolicy = 'Local'),
      [
        'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
      ],
    ],
    [
      'kubelet port on a LoadBalancer',
      (s) => {
        s.spec.type = 'LoadBalancer';
        s.spec.ports = [{ port: 10250 }];
      },
      [
        'spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet',
      ],
    ],
    [
      'headless NodePort',
      (s) => {
        s.spec.type = 'NodePort';
        s.spec.clusterIP = 'None';
      },
      ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services'],
    ],
    [
      'bad name (DNS-1035)',
      (s) => ((s.metadata as Json).name = 'kubia_svc'),
      [
        "metadata.name: Invalid value: \"kubia_svc\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
  ])('%s', (_n, patch, expected) => {
    expect(createErrors(service(patch))).toEqual(expected);
  });
});

describe('Service update', () => {
  const allocated = (ip: string): Json =>
    service((s) => {
      s.spec.clusterIP = ip;
      s.spec.clusterIPs = [ip];
    });

  it('an unchanged update is valid', () => {
    expect(updateErrors(allocated('10.96.0.10'), allocated('10.96.0.10'))).toEqual([]);
  });

  it('changing clusterIP (the plural follows it) may not change once set', () => {
    const next = service((s) => {
      s.spec.clusterIP = '10.96.0.99';
      s.spec.clusterIPs = ['10.96.0.10'];
    });
    expect(updateErrors(next, allocated('10.96.0.10'))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set',
    ]);
  });

  it('changing clusterIPs too', () => {
    expect(updateErrors(allocated('10.96.0.99'), allocated('10.96.0.10'))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set',
    ]);
  });

  it('an update that leaves clusterIPs out keeps the stored ones', () => {
    const next = service((s) => (s.spec.clusterIP = '10.96.0.10'));
    expect(updateErrors(next, allocated('10.96.0.10'))).toEqual([]);
  });

  it('ports and type may change', () => {
    const next = allocated('10.96.0.10');
    (next.spec as Json).type = 'NodePort';
    (next.spec as Json).ports = [{ port: 8080 }];
    expect(updateErrors(next, allocated('10.96.0.10'))).toEqual([]);
  });
});
