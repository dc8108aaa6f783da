import type { Messages } from '../types.js';
import { batch } from './batch.js';
import { cli } from './cli.js';
import { compare } from './compare.js';
import { diagnose } from './diagnose.js';
import { grading } from './grading.js';
import { help } from './help.js';
import { layout } from './layout.js';
import { models } from './models.js';
import { report } from './report.js';
import { similarity } from './similarity.js';
import { teacher } from './teacher.js';

/** Toutes les chaînes françaises du correcteur, par domaine. */
export const fr: Messages = { batch, cli, compare, diagnose, grading, help, layout, models, report, similarity, teacher };
