// npm run lookup -- "<texte>" : résout un nom de lieu (commune ou EPCI) et affiche la réponse en JSON.
// Exemples : npm run lookup -- "Valence (Drôme)" ; npm run lookup -- "CC de Parthenay-Gâtine" ; npm run lookup -- 38000
import { resolveTerritory } from '../../data/territories/index.ts';

const text = process.argv.slice(2).join(' ').trim();
if (!text) {
  console.error('Usage : npm run lookup -- "<commune, EPCI, code postal ou code INSEE>"');
  process.exit(1);
}
console.log(JSON.stringify(await resolveTerritory(text), null, 2));
