/**
 * A submission's models rebuilt once. Every model check of the models exercise asks the child for
 * the same models (architecture, compile settings, predictions, learning): rebuilding each check's
 * copy from its JSON ran the model's initializers every time (an Orthogonal draw is a QR
 * factorisation), so a model whose initializers are costly cost it four times over. Here each
 * validated topology is rebuilt once per submission (the prototype, its weights drawn by its own
 * initializers); a check gets a copy of its own, built with zero initializers (no draw) and given
 * the prototype's initializers and weights, so a check that trains or overwrites weights never
 * touches another's model.
 */
import { createHash } from 'node:crypto';
import type * as TF from '@tensorflow/tfjs';
import { backendIdentity, isBackendFault, type Tf } from './backend.js';
import { keysOf, LAYER_RULES } from './input/layers.js';

/** Rebuilds a model from a validated topology, drawing its weights from its own initializers. */
export type RebuildFn = (tf: Tf, topology: Readonly<Record<string, unknown>>) => Promise<TF.LayersModel>;

/** The rebuild tfjs does: its initializers run. */
export const rebuildFromJson: RebuildFn = (tf, topology) => tf.models.modelFromJSON({ modelTopology: topology as TF.io.ModelJSON['modelTopology'] });

/**
 * A rebuild that threw, for every check that asks for the model: tfjs' error and the topology it
 * was rebuilt from, whose layer names are those the error quotes (another check's call named
 * them otherwise).
 */
export class RebuildFailure extends Error {
  override readonly name = 'RebuildFailure';
  constructor(readonly error: unknown, readonly topology: Readonly<Record<string, unknown>>) {
    super(error instanceof Error ? error.message : String(error));
  }
}

export interface RebuiltModels {
  /**
   * A model of `topology` for one check, that check's to mutate and dispose: the submission's
   * prototype of that topology (rebuilt on first demand) copied with its weights.
   * @throws RebuildFailure when the rebuild throws (the same for every check: a topology that cannot be rebuilt is tried once); a backend fault as it is
   */
  copy(tf: Tf, topology: Readonly<Record<string, unknown>>): Promise<TF.LayersModel>;
  /** Frees the prototypes; copies already handed out stay valid. */
  close(): void;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const ZEROS = { class_name: 'Zeros', config: {} };

/**
 * The topology with every initializer its layers read set to Zeros, the left-out ones included (a
 * recurrent layer's default recurrent initializer is Orthogonal): a copy built from it draws nothing.
 */
function drawingNothing(topology: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copy = structuredClone(topology) as { config?: Json };
  const config = copy.config;
  const layers = Array.isArray(config) ? config : config && typeof config === 'object' && Array.isArray(config.layers) ? config.layers : [];
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object' || Array.isArray(layer) || typeof layer.class_name !== 'string' || !Object.hasOwn(LAYER_RULES, layer.class_name)) continue;
    const own = layer.config as { [key: string]: Json };
    for (const key of Object.keys(keysOf(layer.class_name))) if (key.endsWith('_initializer')) own[key] = ZEROS;
  }
  return copy as Record<string, unknown>;
}

type Owner = Record<string, unknown>;
const ownersOf = (layer: TF.layers.Layer): Owner[] => {
  const cell = (layer as unknown as { cell?: Owner }).cell;
  return cell ? [layer as unknown as Owner, cell] : [layer as unknown as Owner];
};
const isInitializer = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { apply?: unknown }).apply === 'function' && typeof (v as { getConfig?: unknown }).getConfig === 'function';

// The prototype's initializer objects (configuration only, no tensors) given to the copy's layers and cells.
function takeInitializers(from: TF.LayersModel, to: TF.LayersModel): void {
  from.layers.forEach((layer, i) => {
    const targets = ownersOf(to.layers[i]!);
    ownersOf(layer).forEach((owner, j) => {
      for (const [key, value] of Object.entries(owner)) if (key.endsWith('Initializer') && isInitializer(value) && targets[j]) targets[j]![key] = value;
    });
  });
}

/**
 * A topology written without its names: each check's call to the student's builder names the
 * layers anew (tfjs counts them: dense_Dense1, then dense_Dense5...), and a functional chain
 * refers to its layers by name. Names are dropped and references written as positions, so the
 * same model asked for by every check has one writing.
 */
export function unnamedWriting(topology: unknown): string {
  const config = (topology as { config?: unknown } | null)?.config;
  const layers: unknown[] = Array.isArray(config) ? config : Array.isArray((config as { layers?: unknown } | null)?.layers) ? (config as { layers: unknown[] }).layers : [];
  const position = new Map<string, string>();
  layers.forEach((l, i) => {
    const layer = l as { name?: unknown; config?: { name?: unknown } } | null;
    const name = layer?.name ?? layer?.config?.name;
    if (typeof name === 'string' && !position.has(name)) position.set(name, `#${i}`);
  });
  return JSON.stringify(topology, function (this: unknown, key: string, value: unknown) {
    if (key === 'name') return undefined;
    return Array.isArray(this) && typeof value === 'string' && position.has(value) ? position.get(value) : value;
  });
}

const unnamed = (model: TF.LayersModel): string => unnamedWriting(model.toJSON(null, false));

/** A copy of `prototype` (same configuration, its weights), or undefined when tfjs would not build it alike. */
async function copyOf(tf: Tf, prototype: TF.LayersModel, topology: Readonly<Record<string, unknown>>): Promise<TF.LayersModel | undefined> {
  const model = await rebuildFromJson(tf, drawingNothing(topology));
  try {
    takeInitializers(prototype, model);
    if (model.layers.length !== prototype.layers.length || unnamed(model) !== unnamed(prototype)) {
      model.dispose();
      return undefined;
    }
    model.setWeights(prototype.getWeights());
    return model;
  } catch (e) {
    model.dispose();
    throw e;
  }
}

/** Prototypes kept per submission: a models exercise asks for a handful. */
const KEPT = 32;

/** A prototype being rebuilt, and once rebuilt, the model (to free it without waiting). */
interface Prototype {
  readonly made: Promise<TF.LayersModel>;
  model?: TF.LayersModel;
  disposed?: boolean;
}

function dispose(p: Prototype): void {
  p.disposed = true;
  try {
    p.model?.dispose();
  } catch {
    // Its backend was replaced since (after a fault): nothing left to free.
  }
}

/**
 * The models of one submission (see the file's header). `rebuild` is how a prototype is rebuilt:
 * tfjs' own by default; a test counts the rebuilds through it.
 */
export function createRebuiltModels(rebuild: RebuildFn = rebuildFromJson): RebuiltModels {
  const prototypes = new Map<string, Prototype>();
  const prototypeOf = (tf: Tf, topology: Readonly<Record<string, unknown>>): Promise<TF.LayersModel> => {
    // Tensors belong to one backend instance: after a reset (a fault), the prototype is rebuilt there.
    const key = `${backendIdentity(tf)}:${createHash('sha256').update(unnamedWriting(topology)).digest('hex')}`;
    const kept = prototypes.get(key);
    if (kept) return kept.made;
    if (prototypes.size >= KEPT) {
      const [oldest, p] = prototypes.entries().next().value!;
      prototypes.delete(oldest);
      dispose(p);
    }
    const p: Prototype = {
      made: rebuild(tf, topology).catch((e: unknown) => {
        throw isBackendFault(e) ? e : new RebuildFailure(e, topology);
      }),
    };
    prototypes.set(key, p);
    p.made.then(
      (model) => {
        p.model = model;
        // Closed (or evicted) while it was being rebuilt.
        if (p.disposed) dispose(p);
      },
      (e: unknown) => {
        // A backend fault is the backend's, not the topology's: tried again on the fresh backend.
        if (isBackendFault(e) && prototypes.get(key) === p) prototypes.delete(key);
      },
    );
    return p.made;
  };
  return {
    async copy(tf, topology) {
      const prototype = await prototypeOf(tf, topology);
      return (await copyOf(tf, prototype, topology)) ?? (await rebuild(tf, topology));
    },
    close() {
      for (const p of prototypes.values()) dispose(p);
      prototypes.clear();
    },
  };
}
