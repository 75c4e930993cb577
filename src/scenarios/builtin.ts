/**
 * Built-in scenarios. Each is a named, sourced patch of the parameter tree (data/parameters holds
 * policy as legislated and history as it happened: the 2022 integration with the under-40 push, the
 * September 2022 fuel-price rise and BLT BBM). Policy variants start with the 2023 budget year, so
 * both the 2024 target year and 2030 show their effect.
 *
 * Patches are typed: a misspelt parameter path fails `tsc`.
 */
import type { Scenario } from './types';

const KOMPASIANA_2022 = {
  title: 'Kompasiana, 27 Dec 2022 (citing Kemensos): reducing extreme poverty to zero in 2024; PENA and RST for KPM',
  href: 'https://kompasiana.com/azizahnuralfi1121/63aac98ea196e31a6724dd32/menekan-kemiskinan-ekstrem-nol-persen-di-2024?page=2&page_images=1',
};
const IDX_2024 = {
  title: 'IDX Channel, Jan 2024: Finance Minister Sri Mulyani, 2023 realisations: PKH Rp 28.1 T for 9.9 m KPM, Sembako Rp 44.5 T for 18.7 m',
  href: 'https://www.idxchannel.com/economics/sepanjang-2023-pemerintah-kucurkan-rp4434-triliun-untuk-perlinsos/2',
};
const VOI_2023 = {
  title: 'VOI (Antara), 10 Nov 2023: Social Minister Tri Rismaharini, PKH facilitators "since 2019 has reached 36 thousand"',
  href: 'https://voi.id/ar/news/328426',
};
const TEMPO_2022 = {
  title: 'Tempo, 31 Aug 2022: BLT BBM Rp 600,000 for 20.65 m families, Rp 12.4 T, with the fuel-price rise',
  href: 'https://nasional.tempo.co/read/1628833/jokowi-mulai-salurkan-blt-bbm-rp600-ribu-di-papua-pagi-ini',
};
const DTSEN_2025 = {
  title: 'BPS briefing (blog summary), Feb 2025: DTSEN replaces DTKS (Inpres 4/2025), PMT with 39 variables, updated four times a year',
  href: 'https://agitanurfianti.com/?p=3077',
};

export const assistanceOnly: Scenario = {
  id: 'assistance-only',
  label: {
    en: 'Assistance only (as before 2022)',
    id: 'Bantuan sosial saja (seperti sebelum 2022)',
  },
  rationale: {
    en: 'The counterfactual of the 2022 integration: PKH, BPNT / Sembako and BLT BBM go on, but households are not moved through pemulihan sosial, transisi and pengembangan, and there is no graduation push. Every other policy scenario is best read against this one.',
    id: 'Kontrafaktual dari integrasi 2022: PKH, BPNT / Sembako dan BLT BBM tetap berjalan, tetapi rumah tangga tidak dibawa melalui pemulihan sosial, transisi dan pengembangan, dan tidak ada dorongan graduasi. Setiap skenario kebijakan lain paling baik dibaca terhadap skenario ini.',
  },
  references: [KOMPASIANA_2022],
  patch: {
    'policy.empowerment.in_effect': { '2022-01-01': false },
    'policy.empowerment.under40_push': { '2022-01-01': false },
  },
};

export const integrated2022: Scenario = {
  id: 'integrated-2022',
  label: {
    en: 'Integrated assistance and empowerment (2022), extreme poor first',
    id: 'Integrasi bantuan dan pemberdayaan (2022), miskin ekstrem lebih dulu',
  },
  rationale: {
    en: 'The Kemensos approach from 2022: assistance plus the three empowerment phases, with places going to the extreme poor by registry score, without the push for families whose head is under 40.',
    id: 'Pendekatan Kemensos sejak 2022: bantuan sosial ditambah tiga tahap pemberdayaan, dengan tempat diberikan lebih dulu kepada miskin ekstrem menurut skor registri, tanpa dorongan untuk keluarga yang kepala keluarganya berusia di bawah 40 tahun.',
  },
  references: [KOMPASIANA_2022],
  patch: {
    'policy.empowerment.under40_push': { '2022-01-01': false },
  },
};

export const graduationPushUnder40: Scenario = {
  id: 'graduation-push-under-40',
  label: {
    en: 'Integration with the graduation push for heads under 40 (policy as legislated)',
    id: 'Integrasi dengan dorongan graduasi untuk kepala keluarga di bawah 40 tahun (kebijakan berlaku)',
  },
  rationale: {
    en: 'Policy as it stands in data/parameters: the integration, with PKH families whose head is under 40 pushed towards graduation in a share of the facilitators\' places (policy.empowerment.push_share), the extreme poor first in the rest. The policy variants below start from this one.',
    id: 'Kebijakan sebagaimana tertulis di data/parameters: integrasi, dengan keluarga PKH yang kepala keluarganya berusia di bawah 40 tahun didorong menuju graduasi dalam sebagian tempat pendamping (policy.empowerment.push_share), dan miskin ekstrem lebih dulu di tempat sisanya. Varian kebijakan di bawah berangkat dari skenario ini.',
  },
  references: [KOMPASIANA_2022],
  extends: 'integrated-2022',
  patch: {
    'policy.empowerment.under40_push': { '2022-01-01': true },
  },
};

export const adaptiveCommunity: Scenario = {
  id: 'adaptive-community',
  label: {
    en: 'Community programmes four times as large (KAT, Karang Taruna, LKS)',
    id: 'Program komunitas empat kali lipat (KAT, Karang Taruna, LKS)',
  },
  rationale: {
    en: 'An adaptive, community-based push: from 2023 the programmes run with remote indigenous communities (KAT), Karang Taruna and LKS reach four times as many households a year (10,000 KAT households instead of 2,500; 40,000 each through Karang Taruna and LKS instead of 10,000), poorest communities first.',
    id: 'Dorongan adaptif berbasis komunitas: mulai 2023 program bersama komunitas adat terpencil (KAT), Karang Taruna dan LKS menjangkau empat kali lebih banyak rumah tangga per tahun (10.000 rumah tangga KAT, bukan 2.500; masing-masing 40.000 melalui Karang Taruna dan LKS, bukan 10.000), komunitas termiskin lebih dulu.',
  },
  references: [],
  extends: 'graduation-push-under-40',
  patch: {
    'policy.community.kat_households': { '2023-01-01': 10_000 },
    'policy.community.karang_taruna_households': { '2023-01-01': 40_000 },
    'policy.community.lks_households': { '2023-01-01': 40_000 },
  },
};

export const budgetCut20: Scenario = {
  id: 'budget-cut-20',
  label: {
    en: 'PKH and BPNT budgets cut by 20 % from 2023',
    id: 'Anggaran PKH dan BPNT dipotong 20 % mulai 2023',
  },
  rationale: {
    en: 'A fiscal squeeze on transfers: from 2023 the PKH budget is Rp 22.48 T instead of Rp 28.1 T (Rp 22.71 T instead of Rp 28.38 T from 2024) and the BPNT / Sembako budget Rp 35.6 T instead of Rp 44.5 T (Rp 34.84 T instead of Rp 43.55 T from 2025): 80 % of each dated value in data/parameters; empowerment goes on as legislated.',
    id: 'Pengetatan fiskal atas bantuan: mulai 2023 anggaran PKH Rp 22,48 T, bukan Rp 28,1 T (Rp 22,71 T, bukan Rp 28,38 T, mulai 2024) dan anggaran BPNT / Sembako Rp 35,6 T, bukan Rp 44,5 T (Rp 34,84 T, bukan Rp 43,55 T, mulai 2025): 80 % dari setiap nilai bertanggal di data/parameters; pemberdayaan tetap berjalan sesuai ketentuan.',
  },
  references: [IDX_2024],
  extends: 'graduation-push-under-40',
  patch: {
    'policy.pkh.budget': { '2023-01-01': 22_480_000_000_000, '2024-01-01': 22_707_070_707_070 },
    'policy.bpnt.budget': { '2023-01-01': 35_600_000_000_000, '2025-01-01': 34_838_502_673_797 },
  },
};

export const moreFacilitators: Scenario = {
  id: 'more-facilitators',
  label: {
    en: 'Twice as many PKH facilitators from 2023',
    id: 'Pendamping PKH dua kali lipat mulai 2023',
  },
  rationale: {
    en: 'Delivery capacity as the bottleneck: facilitators (pendamping) case-manage households in the empowerment phases; doubling them from 2023 (36,000 to 72,000, and twice each later value in data/parameters: 71,454 from 2024, 68,182 from 2025, 66,000 from September 2025) lets twice as many households be in pemulihan sosial, transisi and pengembangan at once.',
    id: 'Kapasitas pelaksanaan sebagai hambatan: pendamping mendampingi rumah tangga dalam tahap pemberdayaan; menggandakannya mulai 2023 (36.000 menjadi 72.000, dan dua kali setiap nilai berikutnya di data/parameters: 71.454 mulai 2024, 68.182 mulai 2025, 66.000 mulai September 2025) memungkinkan dua kali lebih banyak rumah tangga berada dalam pemulihan sosial, transisi dan pengembangan sekaligus.',
  },
  references: [VOI_2023],
  extends: 'graduation-push-under-40',
  patch: {
    'policy.facilitators.count': { '2023-01-01': 72_000, '2024-01-01': 71_454, '2025-01-01': 68_182, '2025-09-01': 66_000 },
  },
};

export const betterTargeting: Scenario = {
  id: 'better-targeting',
  label: {
    en: 'Better targeting: registry errors halved from 2023',
    id: 'Penargetan lebih baik: kesalahan data terpadu dikurangi separuh mulai 2023',
  },
  rationale: {
    en: 'A registry that is updated more often and scores households better (as DTSEN promises): from 2023 the registry misses 15 % instead of 30 % of the bottom 40 %, lists 15 % instead of 30 % households outside it, and its proxy-means score errs by half as much (log-sd 0.15 instead of 0.3).',
    id: 'Registri yang lebih sering diperbarui dan menilai rumah tangga lebih baik (sebagaimana dijanjikan DTSEN): mulai 2023 registri melewatkan 15 %, bukan 30 %, dari 40 % terbawah, mencantumkan 15 %, bukan 30 %, rumah tangga di luarnya, dan kesalahan skor proxy-means-nya tinggal separuh (log-sd 0,15, bukan 0,3).',
  },
  references: [DTSEN_2025],
  extends: 'graduation-push-under-40',
  patch: {
    'behaviour.registry.exclusion_error': { '2023-01-01': 0.15 },
    'behaviour.registry.inclusion_error': { '2023-01-01': 0.15 },
    'behaviour.registry.score_error': { '2023-01-01': 0.15 },
  },
};

export const fuelShock2022: Scenario = {
  id: 'fuel-shock-2022',
  label: {
    en: 'The 2022 fuel-price rise with BLT BBM (as it happened)',
    id: 'Kenaikan harga BBM 2022 dengan BLT BBM (sesuai kejadian)',
  },
  rationale: {
    en: 'The September 2022 fuel-price rise (a one-month price jump of 0.79 % on top of underlying inflation) with BLT BBM, Rp 150,000 a month for September–December 2022. These are the values in data/parameters, written out so the fuel comparison names them; the results equal graduation-push-under-40.',
    id: 'Kenaikan harga BBM September 2022 (lonjakan harga satu bulan sebesar 0,79 % di atas inflasi dasar) dengan BLT BBM, Rp 150.000 per bulan untuk September–Desember 2022. Ini nilai-nilai di data/parameters, ditulis ulang agar perbandingan BBM menyebutnya; hasilnya sama dengan graduation-push-under-40.',
  },
  references: [TEMPO_2022],
  extends: 'graduation-push-under-40',
  patch: {
    'behaviour.prices.fuel_price_shock': { '2022-09-01': 0.0079, '2022-10-01': 0 },
    'policy.blt_bbm.benefit': { '2022-09-01': 150_000, '2023-01-01': 0 },
  },
};

export const fuelShock2022WithoutBlt: Scenario = {
  id: 'fuel-shock-2022-without-blt',
  label: {
    en: 'The 2022 fuel-price rise without BLT BBM',
    id: 'Kenaikan harga BBM 2022 tanpa BLT BBM',
  },
  rationale: {
    en: 'The same price rise with no compensation: what BLT BBM protected households from.',
    id: 'Kenaikan harga yang sama tanpa kompensasi: dari inilah BLT BBM melindungi rumah tangga.',
  },
  references: [TEMPO_2022],
  extends: 'fuel-shock-2022',
  patch: {
    'policy.blt_bbm.benefit': { '2022-09-01': 0 },
  },
};

export const noFuelShock: Scenario = {
  id: 'no-fuel-shock',
  label: {
    en: 'No fuel-price rise in 2022 (and so no BLT BBM)',
    id: 'Tanpa kenaikan harga BBM 2022 (dan tanpa BLT BBM)',
  },
  rationale: {
    en: 'The world without the September 2022 price jump: the shock\'s cost is fuel-shock-2022-without-blt minus this scenario.',
    id: 'Dunia tanpa lonjakan harga September 2022: biaya guncangan itu adalah fuel-shock-2022-without-blt dikurangi skenario ini.',
  },
  references: [TEMPO_2022],
  extends: 'fuel-shock-2022',
  patch: {
    'behaviour.prices.fuel_price_shock': { '2022-09-01': 0 },
    'policy.blt_bbm.benefit': { '2022-09-01': 0 },
  },
};

/** Every built-in scenario, in the order they are listed and compared. */
export const BUILTIN_SCENARIOS: readonly Scenario[] = [
  assistanceOnly,
  graduationPushUnder40,
  integrated2022,
  adaptiveCommunity,
  budgetCut20,
  moreFacilitators,
  betterTargeting,
  fuelShock2022,
  fuelShock2022WithoutBlt,
  noFuelShock,
];

/** The scenario other scenarios are compared with unless another is named. */
export const DEFAULT_REFERENCE = assistanceOnly.id;
