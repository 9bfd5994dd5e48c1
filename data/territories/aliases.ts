// The usual short names of intercommunalités, as people write them (« la MEL », « SQY », « la Métro »), with the
// official SIREN of the EPCI they name (registry: @etalab/decoupage-administratif). Acronyms count only in capitals
// (« GPS », « AMP » are words too); nicknames in any case.
const ACRONYMS: Record<string, string> = {
  MEL: '200093201', SQY: '200058782', GAM: '200040715', TPM: '248300543', AMP: '200054807', MGP: '200054781',
  EMS: '246700488', NCA: '200030195', CACP: '249500109', CPS: '200056232', COGA: '248400251', CUB: '243300316',
};

const NICKNAMES: Record<string, string> = {
  'la metro': '200040715', 'metro de grenoble': '200040715', 'metro grenobloise': '200040715', 'grenoble metropole': '200040715',
  'grand lyon': '200046977', 'metropole lyonnaise': '200046977', 'lyon metropole': '200046977',
  'metropole de lille': '200093201', 'lille metropole': '200093201', 'metropole lilloise': '200093201',
  'saint quentin en yvelines': '200058782', 'agglo de saint quentin en yvelines': '200058782',
  'metropole de marseille': '200054807', 'aix marseille': '200054807', 'metropole aix marseille': '200054807',
  'metropole de toulon': '248300543', 'toulon metropole': '248300543',
  'metropole de nice': '200030195', 'nice metropole': '200030195',
  'eurometropole': '246700488', 'strasbourg eurometropole': '246700488',
  'grand paris': '200054781', 'metropole du grand paris': '200054781',
  'cergy pontoise': '249500109', 'agglo de cergy': '249500109', 'agglo de cergy pontoise': '249500109',
  'paris saclay': '200056232', 'grand avignon': '248400251', 'lorient agglo': '200042174',
};

const nicknameKeys = new Map(Object.entries(NICKNAMES).map(([k, v]) => [k.replace(/ /g, ''), v]));

/** The EPCI code an acronym designates, typed in capitals (« MEL »). */
export function epciAcronym(raw: string): string | undefined {
  return raw === raw.toUpperCase() ? ACRONYMS[raw] : undefined;
}

/** The EPCI code a nickname designates, from its compact folded words (« lametro »). */
export function epciNickname(key: string): string | undefined {
  return nicknameKeys.get(key);
}
