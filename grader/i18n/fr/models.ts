import type { Messages } from '../types.js';

/**
 * Messages de l'exercice sur les modèles Keras (exercises/models), en français. Chaque échec
 * commence par « X devait être Y, mais on obtient Z. » ; les phrases suivantes expliquent la
 * conséquence dans les termes de l'étudiant (formes, taille après Flatten, nombre de paramètres).
 */
const num = (n: number): string => n.toLocaleString('fr-FR');
const dec = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits).replace('.', ',') : String(x));
const list = (items: readonly string[]): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}` : (items[0] ?? ''));

export const models: Messages['models'] = {
  backend: {
    tensorflow: 'tensorflow (tfjs-node, TensorFlow natif)',
    wasm: 'wasm (XNNPACK, un seul thread)',
    cpu: 'cpu (JavaScript pur, lent)',
  },
  kinds: {
    undefined: 'la valeur undefined',
    null: 'null',
    number: 'un nombre',
    string: 'une chaîne',
    boolean: 'un booléen',
    array: 'un tableau',
    tensor: 'un tenseur',
    function: 'une fonction',
    object: "un objet qui n'est pas un modèle",
  },
  number: (n) => num(n),
  unset: 'rien',
  linear: "'linear' (aucune activation)",

  notAModel: (call, got) => `${call} devait renvoyer un modèle TensorFlow.js (tf.sequential() ou tf.model()), mais on obtient ${got}.`,
  refused: (call, why) => `${call} devait renvoyer un modèle que le correcteur peut reconstruire et entraîner, mais il le refuse : ${why}.`,
  refusal: {
    notAModel: (detail) => `sa description n'est pas celle d'un modèle Keras (${detail})`,
    layerClass: (index, className, allowed) => `la couche ${index} est une ${className}, qui n'est pas parmi ${allowed.join(', ')}`,
    notAChain: (detail) => `ses couches ne forment pas une seule chaîne (${detail})`,
    noInputShape: () => 'sa première couche ne déclare pas de inputShape',
    badConfig: (index, className, field) => `la couche ${className} (couche ${index}) a un ${field} invalide`,
    tooManyLayers: (count, max) => `${num(count)} couches, plus que les ${num(max)} permises`,
    tooManyParams: (estimate, max) => `environ ${num(estimate)} paramètres, plus que les ${num(max)} permis`,
    tooLargeOutput: (o) => `la couche ${o.className} (couche ${o.index}) sort ${num(o.elements)} valeurs par exemple, plus que les ${num(o.max)} permises`,
    tooMuchCompute: (estimate, max) => `environ ${num(estimate)} multiplications-additions par exemple, plus que les ${num(max)} permises`,
    unknownKey: (index, className, key) =>
      `la couche ${className} (couche ${index}) a un réglage « ${key} » que TensorFlow.js ne lit pas sous ce nom (option mal orthographiée ou en double)`,
    costlyInitializer: (index, className, field, shape) =>
      `la couche ${className} (couche ${index}) tire une matrice ${shape} avec un ${field} Orthogonal, trop coûteux à construire (prenez une couche plus petite ou un autre initialiseur)`,
    costlyDraw: (shape) =>
      `sa construction tire une matrice ${shape} avec un initialiseur Orthogonal (l'initialiseur récurrent par défaut de SimpleRNN et LSTM), trop coûteux à construire : le correcteur l'a arrêtée avant le tirage (prenez une couche plus petite ou un autre initialiseur)`,
    costlyRebuild: (r) =>
      `construire ses ${num(r.layers)} couches et tirer leurs poids coûterait au correcteur environ ${num(r.ms)} ms de calcul${r.orthogonal > 0 ? ` (dont ${num(r.orthogonal)} matrices Orthogonal)` : ''}, plus que les ${num(r.maxMs)} ms permises par modèle (prenez moins de couches ou des couches plus petites, ou un autre initialiseur qu'Orthogonal)`,
    rebuildTime: (limitMs) => `sa reconstruction a pris plus de ${num(limitMs)} ms de calcul (limite de temps de la reconstruction des modèles) ; elle a été arrêtée`,
    rebuildMemory: (limitMb) => `sa reconstruction demandait plus de ${num(limitMb)} Mio de mémoire (limite de mémoire de la reconstruction des modèles) ; elle a été arrêtée`,
  },
  badCompileData: "ses réglages de compilation ne sont pas ceux qu'enregistre model.compile()",
  rebuildFailed: (call, error) => `Le modèle de ${call} devait se reconstruire à partir de sa description, mais on obtient une erreur : ${error}.`,

  layerName: (className, position) => `la couche ${className} (couche ${position})`,
  fieldName: (field) => field,

  inputShape: (call, want, got) => `La forme d'entrée de ${call} devait être ${want}, mais on obtient ${got}.`,
  missingLayer: (o) =>
    `${o.call} devait avoir une couche ${o.className}${o.after ? ` après ${o.after}` : ''}, mais on n'en trouve pas : ses couches sont ${o.got}, celles du cours ${o.want}.`,
  extraLayer: (o) => `${o.call} devait avoir les couches du cours ${o.want}, mais on obtient une couche de plus, ${o.layer} : ${o.got}.`,
  layers: (call, want, got) => `Les couches de ${call} devaient être ${want}, mais on obtient ${got}.`,
  field: (o) => `Dans ${o.call}, ${o.layer} devait avoir ${o.field} = ${o.want}, mais on obtient ${o.field} = ${o.got}.`,
  outputs: (call, want, got) => `Les sorties de ${call} devaient avoir les formes ${want}, mais on obtient ${got}.`,
  params: (call, want, got) => `${call} devait avoir ${num(want)} paramètres (le résumé du cours), mais on obtient ${num(got)}.`,
  paddingSameKeeps: (size) => `Le padding 'same' conserve ${size} :`,
  without: (className) => `Sans la couche ${className},`,
  layerOutputs: (layer, got, want) => `${layer} sort ${got} au lieu de ${want}`,
  flattenGives: (got, want) => `Flatten donne ${num(got)} valeurs au lieu de ${num(want)}`,
  denseHas: (got, want) => `la couche Dense qui suit a ${num(got)} paramètres au lieu de ${num(want)}`,
  consequence: (lead, parts, params) => {
    const total = params ? `${parts.length > 0 ? '' : 'le modèle a '}${num(params.got)} paramètres en tout, quand celui du cours en a ${num(params.want)}` : undefined;
    const body = [parts.length > 0 ? list(parts) : undefined, total].filter(Boolean).join(' : ');
    return `${lead ?? 'Conséquence :'} ${body}.`;
  },
  moreDifferences: (count) => `(${count} autre${count > 1 ? 's' : ''} différence${count > 1 ? 's' : ''} après celle-ci.)`,
  architectureOk: (call, params) => `${call} a les couches, les formes et les ${num(params)} paramètres du cours.`,

  compileWanted: (o) => `loss '${o.loss}', optimiseur ${o.optimizer}${o.accuracy ? ", metrics ['accuracy']" : ''}`,
  notCompiled: (call, want) => `${call} devait renvoyer un modèle compilé avec ${want}, mais on obtient un modèle non compilé.`,
  unserializable: (call, loss, detail) =>
    `Les réglages de compilation de ${call} devaient être des noms (loss: '${loss}'), mais on obtient quelque chose que le correcteur ne peut pas lire : ${detail}.`,
  loss: (o) =>
    `La loss de ${o.call} devait être '${o.want}', mais on obtient '${o.got}'.` +
    (o.sparse ? ' Une loss « sparse » attend des étiquettes entières (0 à 9) ; le cours entraîne sur des étiquettes one-hot (to_categorical), qui demandent la version catégorielle.' : ''),
  optimizer: (call, want, got) => `L'optimiseur de ${call} devait être ${want}, mais on obtient ${got}.`,
  metrics: (call, got) => `Les métriques de ${call} devaient contenir 'accuracy', mais on obtient ${got.length > 0 ? got.map((m) => `'${m}'`).join(', ') : 'aucune'}.`,
  compileRejected: (call, error) => `Les réglages de compilation de ${call} devaient se charger dans TensorFlow.js, mais on obtient une erreur : ${error}.`,
  compileOk: (count) => `Les ${count} modèles compilés utilisent les loss, optimiseurs et métriques du cours.`,

  weightsDoNotFit: (call, want, got) => `Les poids du cours (formes ${want}) devaient aller dans ${call}, mais on obtient un modèle dont les poids ont les formes ${got}.`,
  outputCount: (call, want, got) => `${call} devait avoir ${want} sortie${want > 1 ? 's' : ''}, mais on en obtient ${got}.`,
  outputName: (index) => ['la séquence entière', 'le dernier état caché', 'le dernier état de cellule'][index] ?? `la sortie ${index + 1}`,
  predictionsDiffer: (call, which, detail) =>
    `${call}, avec les poids de la référence, devait prédire comme la référence${which ? ` (${which})` : ''}, mais on obtient d'autres sorties. ${detail}`,
  backendFault: (calls) =>
    `Le moteur TensorFlow.js du correcteur devait fonctionner sur ${calls}, mais il a échoué : une faute du correcteur, pas de ce code. Le moteur a été remplacé et cette vérification n'est pas notée ; corriger à nouveau peut lui rendre ses points.`,
  predictFailed: (call, error) => `${call} devait prédire sur un lot de 4 exemples, mais on obtient une erreur : ${error}.`,
  predictionsOk: (call) => `${call}, avec les poids de la référence, prédit comme la référence.`,

  datasets: { mnist: 'chiffres MNIST', fashion: 'images Fashion-MNIST', sine: 'fenêtres du sinus bruité' },
  budget: (o) => `${num(o.samples)} ${o.dataset}, ${o.epochs} époque${o.epochs > 1 ? 's' : ''}, batch ${o.batch}`,
  sameAsReference: (call) =>
    `${call} est le modèle du cours : mêmes couches et options, même compilation, mêmes prédictions avec les mêmes poids. Il apprend exactement comme la référence ; il n'a donc pas été réentraîné.`,
  cannotTrainUncompiled: (call) => `${call} devait renvoyer un modèle compilé que le correcteur peut entraîner, mais on obtient un modèle non compilé.`,
  trainingFailed: (call, what, error) => `${call} devait s'entraîner (${what}), mais on obtient une erreur : ${error}.`,
  stoppedEarly: (samples) => `L'entraînement s'est arrêté après ${num(samples)} exemples : le budget de calcul du correcteur pour un modèle aussi lourd (deux fois le calcul de l'entraînement du modèle du cours que demande cette vérification, et au plus 4 fois le CNN profond du cours).`,
  accuracyOk: (o) => `${o.call} atteint une exactitude de test de ${dec(o.got, 3)} (la référence : ${dec(o.reference, 3)}) après ${o.what}.`,
  accuracyLow: (o) =>
    `${o.call} devait atteindre une exactitude de test d'au moins ${dec(o.want, 3)} (${o.percent} % des ${dec(o.reference, 3)} de la référence après le même entraînement : ${o.what}), mais on obtient ${dec(o.got, 3)}.`,
  mseOk: (o) =>
    `${o.call} atteint une erreur quadratique moyenne d'entraînement de ${dec(o.got, 4)} (au plus ${dec(o.want, 2)} demandé) après ${o.what}${o.start > 1 ? `, depuis son tirage initial n° ${o.start}` : ''}.`,
  mseHigh: (o) =>
    `${o.call} devait atteindre une erreur quadratique moyenne d'entraînement d'au plus ${dec(o.want, 2)} (une prédiction constante donne ${dec(o.constant, 2)}) depuis au moins un de ${o.starts} tirages initiaux (chacun : ${o.what}), mais on obtient ${dec(o.got, 4)} au mieux.`,
  nothingTrainable: (call) => `${call} devait avoir des poids que l'entraînement peut changer, mais toutes ses couches à poids sont gelées (trainable: false).`,
  unseeded: (call, layer, option) =>
    `${call} devait s'entraîner de façon reproductible, mais ${layer} a ${option} au-dessus de 0 : TensorFlow.js tire ce masque sans graine (le modèle du cours n'en a pas).`,
  causes: (items) => ` Visible dans le modèle : ${items.join(' ; ')}.`,
  causeFrozen: (layers) => `${list(layers)} ${layers.length > 1 ? 'sont gelées' : 'est gelée'} (trainable: false) : l'entraînement ne change jamais ${layers.length > 1 ? 'leurs' : 'ses'} poids`,
  causeConstantInit: (layer, init) => `l'initialiseur des noyaux de ${layer} est '${init}' : ses unités partent égales et le restent`,
  causeLearningRate: (got, want) => `le taux d'apprentissage vaut ${String(got)}, loin des ${String(want)} du cours`,
};
