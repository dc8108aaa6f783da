import type { Messages } from '../types.js';

/** Sortie terminal de l'interface en ligne de commande, en français. */
export const cli: Messages['cli'] = {
  header: ['exercice', 'note', 'vérifications', 'remarques'],
  total: 'total',
  checkNote: (title, status) => `${title} : ${status}`,
  passedOf: (passed, total) => `${passed}/${total} réussies`,
  wrote: (path) => `Écrit : ${path}`,
  sandbox: (name) => `Bac à sable : ${name}`,
  tfBackend: (name) => `Backend TensorFlow.js : ${name}`,
  warning: (text) => `Attention : ${text}`,
};
