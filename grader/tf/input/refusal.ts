/** Why a model's JSON was refused, as data for a message (a student's fault, never an exception). */
export type Refusal =
  | { readonly kind: 'not-a-model'; readonly detail: string }
  | { readonly kind: 'layer-class'; readonly index: number; readonly className: string }
  | { readonly kind: 'not-a-chain'; readonly detail: string }
  | { readonly kind: 'no-input-shape' }
  | { readonly kind: 'bad-config'; readonly index: number; readonly className: string; readonly field: string }
  /** A key TensorFlow.js does not read for this layer (or reads under another spelling). */
  | { readonly kind: 'unknown-key'; readonly index: number; readonly className: string; readonly key: string }
  | { readonly kind: 'too-many-layers'; readonly count: number; readonly max: number }
  | { readonly kind: 'too-many-params'; readonly estimate: number; readonly max: number }
  | { readonly kind: 'too-large-output'; readonly index: number; readonly className: string; readonly elements: number; readonly max: number }
  | { readonly kind: 'too-much-compute'; readonly estimate: number; readonly max: number }
  /** An Orthogonal initializer on a matrix whose QR factorisation would cost too much. */
  | { readonly kind: 'costly-initializer'; readonly index: number; readonly className: string; readonly field: string; readonly shape: readonly number[] }
  /** Building its layers and drawing its weights would cost more than the bound (estimated, in ms of CPU). */
  | { readonly kind: 'costly-rebuild'; readonly ms: number; readonly maxMs: number; readonly layers: number; readonly orthogonal: number }
  /** Its trial rebuild, in a process of its own, ran past its CPU budget (see `createModelGuard`). */
  | { readonly kind: 'rebuild-time'; readonly limitMs: number }
  /** Its trial rebuild ran out of memory or brought the process down. */
  | { readonly kind: 'rebuild-memory'; readonly limitMb: number };

/** Thrown inside the inspection only; {@link inspectTopology} turns it into data. */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
