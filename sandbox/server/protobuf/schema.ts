/**
 * How a message table describes a Go API struct: for each protobuf field number, the JSON name and
 * what Go's `encoding/json` does with the decoded value (pointer or not, `omitempty` or not).
 * Fields are listed in Go struct order, which is the order `encoding/json` writes them.
 */

/**
 * Value types. `time` is metav1.Time (a Timestamp message that becomes RFC 3339 or null),
 * `intOrString` is intstr.IntOrString (a number or a string in JSON), `quantity` is
 * resource.Quantity (its string).
 */
export type Scalar = 'string' | 'int32' | 'int64' | 'bool' | 'bytes' | 'time' | 'intOrString' | 'quantity';

export interface Message {
  /** The Go type name, for error messages (`proto: ObjectMeta: ...`). */
  name: string;
  fields: readonly Field[];
}

/** A nested message, referenced lazily so tables can be declared in any order. */
export type MessageRef = () => Message;

export type ValueType = Scalar | MessageRef;

export type Cardinality =
  /** A non-pointer Go field: a zero value when absent. */
  | 'value'
  /** A Go pointer: written to JSON only when present on the wire. */
  | 'pointer'
  /** A Go slice (a repeated field). */
  | 'list'
  /** A Go `map[string]T` (repeated key/value entries). */
  | 'map';

export interface Field {
  num: number;
  json: string;
  type: ValueType;
  card: Cardinality;
  /** The JSON tag has `omitempty`. */
  omitempty: boolean;
}

export function message(name: string, fields: Field[]): Message {
  return { name, fields };
}

/** `json:"name,omitempty"` unless `keep` (the tag has no omitempty). */
export function value(num: number, json: string, type: ValueType, keep?: 'keep'): Field {
  return { num, json, type, card: 'value', omitempty: keep !== 'keep' };
}

export function pointer(num: number, json: string, type: ValueType, keep?: 'keep'): Field {
  return { num, json, type, card: 'pointer', omitempty: keep !== 'keep' };
}

export function list(num: number, json: string, type: ValueType, keep?: 'keep'): Field {
  return { num, json, type, card: 'list', omitempty: keep !== 'keep' };
}

/** `map[string]T`: T is `string`, `bytes` or `quantity` in the Kubernetes API. */
export function map(num: number, json: string, type: Scalar): Field {
  return { num, json, type, card: 'map', omitempty: true };
}

/** A reference to a table declared above. */
export function ref(m: Message): MessageRef {
  return () => m;
}
