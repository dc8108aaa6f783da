import type { CasePattern, Relation } from '../../model/results.js';
import type { Messages } from '../types.js';

type Params = Relation['params'];
type PatternValue = CasePattern['failing'][number];

const n = (x: number | undefined): number => x ?? 0;
const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))).replace('.', ','));
/** « une ligne » pour 1, sinon « 3 lignes » (« ses 3 lignes » avec un déterminant). */
const plural = (k: number, one: string, many: string, det?: string): string => (k === 1 ? one : `${det ? `${det} ` : ''}${k} ${many}`);
/** « 1 ligne », « 3 lignes » : le nombre et le nom accordé. */
const count = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** « sa dernière ligne et sa dernière colonne » : les bords qu'un rognage ou un ajout nomme. */
function borders(p: Params): string {
  const oneD = p.left === undefined;
  const parts = oneD
    ? [n(p.top) && plural(n(p.top), 'son premier élément', 'premiers éléments', 'ses'), n(p.bottom) && plural(n(p.bottom), 'son dernier élément', 'derniers éléments', 'ses')]
    : [
        n(p.top) && plural(n(p.top), 'sa première ligne', 'premières lignes', 'ses'),
        n(p.bottom) && plural(n(p.bottom), 'sa dernière ligne', 'dernières lignes', 'ses'),
        n(p.left) && plural(n(p.left), 'sa première colonne', 'premières colonnes', 'ses'),
        n(p.right) && plural(n(p.right), 'sa dernière colonne', 'dernières colonnes', 'ses'),
      ];
  return list(parts.filter((s): s is string => Boolean(s)));
}

// Accordés avec « sortie » et « valeur », les noms de chaque phrase.
const ROUNDED: Readonly<Record<string, string>> = { down: 'arrondie vers le bas', nearest: "arrondie à l'entier le plus proche", 'toward-zero': 'tronquée vers zéro', up: 'arrondie vers le haut' };

/** The sentence of a relation `rounded-<how>` or `not-rounded-<how>`; undefined for any other. */
function roundingSentence(id: string, yours: string, theirs: string): string | undefined {
  const rounding = /^(not-)?rounded-(.+)$/.exec(id);
  if (!rounding) return undefined;
  const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
  const how = ROUNDED[rounding[2]!] ?? rounding[2]!;
  return rounding[1] ? `${cap(theirs)} est égale à ${yours}, ${how} : ${yours} ne l'est pas.` : `${cap(yours)} est égale à ${theirs}, ${how}.`;
}

/** Les phrases des relations qui portent sur l'appel plutôt que sur sa réponse (un argument modifié, un paramètre remplacé), ou undefined. */
function callSentence(r: Relation): string | undefined {
  if (r.id === 'substituted') {
    const par = r.moved?.[r.path ?? ''] ?? num(n(r.params.value));
    return `Chaque réponse de ${r.call ? `votre ${r.call}` : 'votre code'}, juste ou fausse, est celle de la formule attendue avec ${r.path ?? '?'} remplacé par ${par}.`;
  }
  if (r.id !== 'input-mutated') return undefined;
  const arg = r.path ?? `n° ${n(r.params.argument)}`;
  return `Votre ${r.call ?? 'fonction'} modifie son argument ${arg} : après l'appel, ${r.path ?? 'cet argument'} ne contient plus ce qui lui a été passé.`;
}

/** Les phrases des relations entre lignes ou colonnes entières (une constante par ligne, un début juste), ou undefined. */
function lineSentence(r: Relation, yours: string): string | undefined {
  const p = r.params;
  switch (r.id) {
    case 'column-offset':
      return `Chaque colonne de ${yours} vaut la colonne attendue plus une constante qui lui est propre (de ${num(n(p.min))} à ${num(n(p.max))} ; ${n(p.differing)} colonnes sur ${n(p.lines)} diffèrent).`;
    case 'row-offset':
      return `Chaque ligne de ${yours} vaut la ligne attendue plus une constante qui lui est propre (de ${num(n(p.min))} à ${num(n(p.max))} ; ${n(p.differing)} lignes sur ${n(p.lines)} diffèrent).`;
    case 'right-until': {
      const k = n(p.rows);
      return `${k === 1 ? `La première ligne de ${yours} est juste` : `Les ${k} premières lignes de ${yours} sont justes`} ; chaque ligne à partir de la ligne ${k + 1} diffère (sur ${n(p.total)}).`;
    }
    default:
      return undefined;
  }
}

function sentence(r: Relation): string {
  const yours = r.path ? `votre ${r.path}` : 'votre sortie';
  const theirs = r.path ? `la valeur attendue de ${r.path}` : 'la sortie attendue';
  const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
  const Yours = cap(yours);
  const p = r.params;
  const rounded = roundingSentence(r.id, yours, theirs) ?? callSentence(r) ?? lineSentence(r, yours);
  if (rounded) return rounded;
  switch (r.id) {
    case 'non-finite':
      return `${Yours} contient ${list([n(p.nan) && `${n(p.nan)} NaN`, n(p.infinite) && `${n(p.infinite)} ${n(p.infinite) === 1 ? 'infini' : 'infinis'}`].filter((s): s is string => Boolean(s)))} sur ${n(p.total)} ${n(p.total) === 1 ? 'valeur' : 'valeurs'}, alors que toutes les valeurs attendues sont finies.`;
    case 'transposed':
      return p.rows === p.cols
        ? `${Yours} est égale à ${theirs} transposée (lignes et colonnes échangées).`
        : `${Yours} est égale à ${theirs} transposée (lignes et colonnes échangées) : ${n(p.cols)}x${n(p.rows)} au lieu de ${n(p.rows)}x${n(p.cols)}.`;
    case 'cropped':
      return `${Yours} est égale à ${theirs} privée de ${borders(p)}.`;
    case 'extended':
      return `${Yours} a un bord de trop : ${theirs} est ${yours} privée de ${borders(p)}.`;
    case 'negated':
      return `${Yours} est égale à ${theirs} avec tous les signes inversés.`;
    case 'reversed':
      return p.axis === 0 ? `${Yours} est égale à ${theirs} dans l'ordre inverse (dernière ligne en premier).` : p.axis === 1 ? `${Yours} est égale à ${theirs} avec chaque ligne inversée.` : `${Yours} est égale à ${theirs} tournée de 180 degrés (lignes et colonnes inversées).`;
    case 'shifted': {
      const by = (k: number, one: string, many: string): string => (k === 1 ? `d'${one}` : `de ${k} ${many}`);
      const moves = [n(p.rows) && `${by(Math.abs(n(p.rows)), 'une ligne', 'lignes')} vers le ${n(p.rows) > 0 ? 'bas' : 'haut'}`, n(p.cols) && `${by(Math.abs(n(p.cols)), 'une colonne', 'colonnes')} vers la ${n(p.cols) > 0 ? 'droite' : 'gauche'}`];
      return `${Yours} est égale à ${theirs} décalée ${list(moves.filter((s): s is string => Boolean(s)))}, là où les deux se recouvrent.`;
    }
    case 'scaled':
      return `${Yours} est égale à ${theirs} multipliée par ${p.denominator !== undefined ? `${num(n(p.numerator))}/${num(n(p.denominator))} (${num(n(p.factor))})` : num(n(p.factor))}.`;
    case 'offset':
      return `Chaque valeur de ${yours} vaut la valeur attendue ${n(p.offset) > 0 ? 'plus' : 'moins'} ${num(Math.abs(n(p.offset)))}.`;
    case 'affine':
      return `${Yours} est égale à ${theirs} multipliée par ${num(n(p.factor))}, ${n(p.offset) > 0 ? 'plus' : 'moins'} ${num(Math.abs(n(p.offset)))} : les mêmes valeurs sur une autre échelle.`;
    case 'absolute':
      return `${Yours} est égale à la valeur absolue de ${theirs} : ses valeurs négatives sont devenues positives.`;
    case 'squared':
      return `${Yours} est égale au carré de ${theirs}.`;
    case 'square-rooted':
      return `${Yours} est égale à la racine carrée de ${theirs}.`;
    case 'off-by-one':
      return `Chaque valeur fausse de ${yours} vaut ${!n(p.below) ? 'un de plus' : !n(p.above) ? 'un de moins' : 'un de plus ou un de moins'} que l'attendue (${list([n(p.above) && `${n(p.above)} de plus`, n(p.below) && `${n(p.below)} de moins`].filter((s): s is string => Boolean(s)))}, sur ${n(p.total)}).`;
    case 'permuted':
      return r.moved
        ? `${Yours} contient les valeurs attendues dans d’autres champs : ${list(Object.entries(r.moved).map(([mine, from]) => `votre ${mine} vaut le ${from} attendu`))}.`
        : `${Yours} contient les mêmes valeurs que ${theirs}, dans un autre ordre.`;
    case 'reshaped':
      return `${Yours} contient les valeurs de ${theirs} dans le même ordre, mais avec ${count(n(p.rank), 'dimension', 'dimensions')} au lieu de ${n(p.expectedRank)}.`;
    case 'shape-differs': {
      const axes = [
        n(p.rows) && `${p.cols === undefined ? count(Math.abs(n(p.rows)), 'élément', 'éléments') : count(Math.abs(n(p.rows)), 'ligne', 'lignes')} de ${n(p.rows) > 0 ? 'plus' : 'moins'}`,
        n(p.cols) && `${count(Math.abs(n(p.cols)), 'colonne', 'colonnes')} de ${n(p.cols) > 0 ? 'plus' : 'moins'}`,
      ];
      return `${Yours} a ${list(axes.filter((s): s is string => Boolean(s)))} que prévu, et n'est pas ${theirs} rognée ou agrandie.`;
    }
    default:
      return `${Yours} est liée à ${theirs} par « ${r.id} ».`;
  }
}

function value(v: PatternValue): string {
  if (v === null) return 'non donné';
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/** Les cas qui échouent selon un trait de leurs paramètres (deux égaux), ou undefined pour un autre motif. */
function casDerives(p: CasePattern): string | undefined {
  const echoueSi = p.failing[0] === true;
  if (p.by === 'equal') {
    const [mauvais, bon] = echoueSi ? ['est égal à', 'diffèrent'] : ['diffère de', 'sont égaux'];
    return `Chaque cas où ${p.name} ${mauvais} ${p.with ?? '?'} échoue ; chaque cas où ils ${bon} réussit.`;
  }
  return undefined;
}

/** Ce que le correcteur constate sur une vérification échouée, en plus des erreurs du catalogue. */
export const diagnose: Messages['diagnose'] = {
  relation: (r) =>
    (r.scope === 'shown' ? 'Dans le cas montré : ' : r.scope === 'some' ? `Dans ${n(r.showing)} des ${r.failing} cas qui échouent${r.sameParams ? '' : ' (de quantités qui varient ; celles du premier cas)'} : ` : r.failing > 1 ? `Dans chaque cas qui échoue${r.sameParams ? '' : ' (de quantités qui varient ; celles du premier cas)'} : ` : '') + sentence(r),
  cases: (p) =>
    casDerives(p) ??
    (p.by === 'function'
      ? p.failing.length === 1
        ? `Seule ${String(p.failing[0])} est fausse : chaque appel de ${String(p.failing[0])} échoue, chaque appel de ${p.passing.map(String).join(', ')} réussit.`
        : `Chaque appel de ${p.failing.map(String).join(', ')} échoue ; chaque appel de ${p.passing.map(String).join(', ')} réussit.`
      : p.failing.length === 1
        ? `Seuls les cas avec ${p.name} = ${value(p.failing[0]!)} échouent ; chaque cas avec ${p.name} = ${p.passing.map(value).join(' ou ')} réussit.`
        : `Chaque cas avec ${p.name} = ${p.failing.map(value).join(' ou ')} échoue ; chaque cas avec ${p.name} = ${p.passing.map(value).join(' ou ')} réussit.`),
  observed: 'Ce que le correcteur constate',
  alsoMistake: 'Et en même temps',
  mistake: (title) => `Erreur : ${title}`,
  hint: (hint) => `Piste : ${hint}`,
  at: 'à',
  report: (url) => `Rapport : ${url}`,
  readMore: (url) => `Plus de détails dans le rapport : ${url}`,
  failHeading: 'ÉCHEC',
};
