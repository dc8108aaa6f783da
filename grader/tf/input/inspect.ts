/**
 * The student's model arrives as data written by code we do not trust. Before TensorFlow.js
 * rebuilds it in the grader's own process (allocating and drawing every weight), this decides
 * from the JSON alone whether rebuilding is safe and bounded: a plain chain of layers from the
 * table (layers.ts), every key one tfjs reads under exactly that spelling, every value and
 * initializer, regularizer or constraint within bounds (objects.ts), and upper bounds on layers,
 * parameters, activations, multiply-adds and the work of rebuilding it (its layers built, its
 * weights drawn: rebuild-work.ts), estimated by propagating shapes
 * through the configs. A refusal is data (a student's fault), never an exception.
 */
import { keysOf, LAYER_RULES, product, type LayerCost, type Shape } from './layers.js';
import { MODEL_LIMITS } from './limits.js';
import { plainJson } from './plain-json.js';
import { drawWork, initializerClass, LAYER_WORK, NS_PER_WORK } from './rebuild-work.js';
import { isObject, Refused, type Json, type JsonObject, type Refusal } from './refusal.js';
import { exactKeys, type At } from './values.js';

/** What the estimate says about an accepted model. */
export interface Estimate {
  readonly params: number;
  readonly macs: number;
  readonly totalElements: number;
  /** Work of building its layers and drawing its weights (rebuild-work.ts). */
  readonly rebuildWork: number;
}

export type Inspection =
  | { readonly ok: true; readonly topology: Record<string, unknown>; readonly estimate: Estimate }
  | { readonly ok: false; readonly refusal: Refusal };

interface LayerEntry {
  readonly className: string;
  readonly config: JsonObject;
  readonly name: string;
  readonly inbound?: Json;
}

const notAModel = (detail: string): never => {
  throw new Refused({ kind: 'not-a-model', detail });
};

// Keys of the topology's own objects, exactly as tfjs writes them.
function onlyKeys(v: JsonObject, keys: readonly string[], where: string): void {
  const extra = Object.keys(v).find((k) => !keys.includes(k));
  if (extra !== undefined) notAModel(`${where} has a key "${extra.slice(0, 40)}" TensorFlow.js does not read`);
}

// The layers of a Sequential or a functional Model topology, checked to form a single chain.
function layerList(topology: JsonObject): LayerEntry[] {
  onlyKeys(topology, ['class_name', 'config', 'keras_version', 'backend'], 'the model');
  const { class_name: className, config } = topology;
  let raw: Json[];
  const functional = className === 'Model' || className === 'Functional';
  if (className === 'Sequential' && Array.isArray(config)) raw = config;
  else if ((className === 'Sequential' || functional) && isObject(config) && Array.isArray(config.layers)) {
    onlyKeys(config, functional ? ['name', 'layers', 'input_layers', 'output_layers'] : ['name', 'layers'], 'the model config');
    raw = config.layers;
  } else return notAModel(`a ${JSON.stringify(String(className ?? null)).slice(0, 40)} topology without a list of layers`);
  if (raw.length > MODEL_LIMITS.layers) throw new Refused({ kind: 'too-many-layers', count: raw.length, max: MODEL_LIMITS.layers });
  if (raw.length === 0) notAModel('no layers');
  const layers = raw.map((l, i): LayerEntry => {
    if (!isObject(l) || typeof l.class_name !== 'string' || !isObject(l.config)) return notAModel(`layer ${i + 1} is not a {class_name, config} object`);
    onlyKeys(l, functional ? ['name', 'class_name', 'config', 'inbound_nodes'] : ['class_name', 'config'], `layer ${i + 1}`);
    if (!Object.hasOwn(LAYER_RULES, l.class_name)) throw new Refused({ kind: 'layer-class', index: i + 1, className: l.class_name.slice(0, 60) });
    const name = typeof l.name === 'string' ? l.name : typeof l.config.name === 'string' ? l.config.name : '';
    return { className: l.class_name, config: l.config, name, ...(l.inbound_nodes !== undefined ? { inbound: l.inbound_nodes } : {}) };
  });
  if (functional) checkChain(layers, config as JsonObject);
  return layers;
}

// One reference to a layer's output: [name, 0, tensor] or [name, 0, tensor, {}] (no call arguments).
const refersTo = (ref: Json | undefined, name: string, tensors = 1): boolean =>
  Array.isArray(ref) && ref[0] === name && ref[1] === 0 && typeof ref[2] === 'number' && Number.isInteger(ref[2]) && ref[2] >= 0 && ref[2] < tensors &&
  (ref.length === 3 || (ref.length === 4 && isObject(ref[3]) && Object.keys(ref[3]).length === 0));

// A functional model must be input -> layer -> ... -> last layer, every output from the last.
function checkChain(layers: LayerEntry[], config: JsonObject): void {
  const inputs = Array.isArray(config.input_layers) ? config.input_layers : [];
  const outputs = Array.isArray(config.output_layers) ? config.output_layers : [];
  const first = layers[0]!;
  if (first.className !== 'InputLayer' || inputs.length !== 1 || !refersTo(inputs[0], first.name) || !(Array.isArray(first.inbound) && first.inbound.length === 0)) {
    throw new Refused({ kind: 'not-a-chain', detail: 'one input layer, first' });
  }
  const last = layers[layers.length - 1]!.name;
  if (outputs.length === 0 || !outputs.every((o) => refersTo(o, last, 3))) throw new Refused({ kind: 'not-a-chain', detail: 'every output from the last layer' });
  for (let i = 1; i < layers.length; i++) {
    const nodes = layers[i]!.inbound;
    const ok = Array.isArray(nodes) && nodes.length === 1 && Array.isArray(nodes[0]) && nodes[0].length === 1 && refersTo(nodes[0][0], layers[i - 1]!.name);
    if (!ok) throw new Refused({ kind: 'not-a-chain', detail: `layer ${i + 1} takes the previous layer as its only input` });
    if (layers[i]!.className === 'InputLayer') throw new Refused({ kind: 'not-a-chain', detail: 'a single input layer' });
  }
}

// Every key of a layer's config is one its class reads, under that spelling, with a valid value.
function checkKeys(layer: LayerEntry, at: At): void {
  exactKeys(layer.config, keysOf(layer.className), at, (key) => {
    throw new Refused({ kind: 'unknown-key', index: at.index, className: at.className, key: key.slice(0, 60) });
  });
  for (const key of LAYER_RULES[layer.className]!.required ?? []) {
    if (layer.config[key] === undefined || layer.config[key] === null) throw new Refused({ kind: 'bad-config', index: at.index, className: at.className, field: key });
  }
}

/** Work of building a layer and drawing its weights, added to `total`; one Orthogonal draw past the whole budget is refused by name. */
function addWork(layer: LayerEntry, draws: LayerCost['draws'], at: At, total: RebuildWork): void {
  total.work += LAYER_WORK;
  for (const [field, shape] of draws) {
    const work = drawWork(layer.config, field, shape);
    const orthogonal = initializerClass(layer.config, field) === 'Orthogonal';
    if (orthogonal && work > MODEL_LIMITS.rebuildWork) throw new Refused({ kind: 'costly-initializer', index: at.index, className: at.className, field, shape: [...shape] });
    total.work += work;
    if (orthogonal) total.orthogonal += 1;
  }
}

interface RebuildWork {
  work: number;
  orthogonal: number;
}

const workMs = (work: number): number => Math.round((work * NS_PER_WORK) / 1e6);

// The shape a layer declares for its input, if any (the first layer, or an InputLayer).
function declaredShape(layer: LayerEntry, i: number): Shape | undefined {
  if (i !== 0 && layer.className !== 'InputLayer') return undefined;
  const declared = layer.config.batch_input_shape;
  return Array.isArray(declared) ? (declared as Shape) : undefined;
}

// Shape propagation and costs, layer by layer; a bad or oversized config is refused.
function estimate(layers: LayerEntry[]): Estimate {
  let shape: Shape | undefined;
  let params = 0, macs = 0, totalElements = 0;
  const rebuild: RebuildWork = { work: 0, orthogonal: 0 };
  layers.forEach((layer, i) => {
    const at: At = { index: i + 1, className: layer.className, field: '' };
    checkKeys(layer, at);
    if (i > 0 && layer.config.batch_input_shape !== undefined && layer.className !== 'InputLayer') throw new Refused({ kind: 'unknown-key', index: i + 1, className: layer.className, key: 'batch_input_shape' });
    const declared = declaredShape(layer, i);
    if (declared) {
      const elements = product(declared.slice(1));
      if (elements > MODEL_LIMITS.outputElements) throw new Refused({ kind: 'too-large-output', index: i + 1, className: layer.className, elements, max: MODEL_LIMITS.outputElements });
      shape = declared;
    }
    if (!shape) throw new Refused({ kind: 'no-input-shape' });
    const cost = LAYER_RULES[layer.className]!.cost(shape, layer.config, at);
    addWork(layer, cost.draws, at, rebuild);
    shape = cost.shape;
    params += cost.params;
    macs += cost.macs;
    const elements = product(shape.slice(1));
    if (elements > MODEL_LIMITS.outputElements) throw new Refused({ kind: 'too-large-output', index: i + 1, className: layer.className, elements, max: MODEL_LIMITS.outputElements });
    totalElements += elements;
    if (params > MODEL_LIMITS.params) throw new Refused({ kind: 'too-many-params', estimate: params, max: MODEL_LIMITS.params });
  });
  if (totalElements > MODEL_LIMITS.totalElements) {
    throw new Refused({ kind: 'too-large-output', index: layers.length, className: layers[layers.length - 1]!.className, elements: totalElements, max: MODEL_LIMITS.totalElements });
  }
  if (macs > MODEL_LIMITS.macs) throw new Refused({ kind: 'too-much-compute', estimate: macs, max: MODEL_LIMITS.macs });
  if (rebuild.work > MODEL_LIMITS.rebuildWork) {
    throw new Refused({ kind: 'costly-rebuild', ms: workMs(rebuild.work), maxMs: workMs(MODEL_LIMITS.rebuildWork), layers: layers.length, orthogonal: rebuild.orthogonal });
  }
  return { params, macs, totalElements, rebuildWork: rebuild.work };
}

/**
 * Checks a topology the child sent before anything is allocated for it. On success returns a
 * fresh plain-JSON copy (safe to hand to tfjs: nothing in it is read otherwise than checked) and
 * the cost estimate.
 */
export function inspectTopology(topology: unknown): Inspection {
  try {
    const json = plainJson(topology);
    if (!isObject(json)) return { ok: false, refusal: { kind: 'not-a-model', detail: 'the topology is not an object' } };
    return { ok: true, topology: json, estimate: estimate(layerList(json)) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    throw e;
  }
}
