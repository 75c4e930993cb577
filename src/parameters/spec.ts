/**
 * The parameter tree: every parameter the model reads, with its unit.
 *
 * Each leaf is one YAML file under data/parameters/: the path `policy.pkh.benefit.pregnant` is the
 * file data/parameters/policy/pkh/benefit/pregnant.yaml. `policy/` holds programme rules, quotas,
 * budgets and official lines (exact dated values with references); `behaviour/` holds estimated
 * behaviour (growth, volatility, hazards, errors), each with a plausible range.
 *
 * The loader (./load.ts) checks the data tree against this list: a file that is not declared here, a
 * declared parameter without a file, or a file whose unit differs from the one declared here is an
 * error. Code and scenarios address parameters through the types derived below, so a misspelt path
 * fails `tsc`.
 */

/** Units, with what a value in that unit must be. */
export const UNITS = {
  idr: 'a non-negative amount in rupiah',
  'idr-per-month': 'a non-negative amount in rupiah per month',
  'idr-per-year': 'a non-negative amount in rupiah per year',
  'idr-per-person-per-month': 'a non-negative amount in rupiah per person per month',
  'idr-per-person-per-day': 'a non-negative amount in rupiah per person per day',
  'idr-per-kg': 'a non-negative price in rupiah per kilogram',
  'kg-per-month': 'a non-negative quantity in kilograms per month',
  households: 'a non-negative whole number of households',
  persons: 'a non-negative whole number of persons',
  count: 'a non-negative whole number',
  years: 'a non-negative number of years',
  months: 'a non-negative number of months',
  probability: 'a probability in [0, 1]',
  'probability-per-month': 'a monthly probability in [0, 1]',
  share: 'a share in [0, 1]',
  'rate-per-year': 'an annual rate greater than −1 (0.05 = 5 % a year)',
  'log-sd': 'a non-negative standard deviation of a logarithm',
  ratio: 'a non-negative multiple (1 = the same as the reference it multiplies)',
  bool: 'true or false',
} as const;

export type Unit = keyof typeof UNITS;

/** Units that count whole things (families, people, places): their values are whole numbers. */
export const WHOLE_UNITS: ReadonlySet<Unit> = new Set<Unit>(['count', 'households', 'persons']);

/** A declared parameter: its unit. */
export interface Leaf<U extends Unit = Unit> {
  readonly unit: U;
}

function leaf<U extends Unit>(unit: U): Leaf<U> {
  return { unit };
}

export const PARAMETERS = {
  policy: {
    poverty_line: {
      /** BPS national poverty line (garis kemiskinan), by Susenas round: geometric between rounds, carried by the CPI after the last. */
      national: leaf('idr-per-person-per-month'),
      /** The extreme-poverty line of BPS series B (USD 1.90 a day at 2011 PPP), at its anchor month; carried by the CPI to every other month. */
      extreme: leaf('idr-per-person-per-month'),
    },
    registry: {
      /** Share of households the registry (DTKS) is meant to hold: deciles 1–4. */
      eligible_share: leaf('share'),
    },
    pkh: {
      benefit: {
        pregnant: leaf('idr-per-year'),
        early_childhood: leaf('idr-per-year'),
        primary_school: leaf('idr-per-year'),
        junior_secondary: leaf('idr-per-year'),
        senior_secondary: leaf('idr-per-year'),
        severe_disability: leaf('idr-per-year'),
        elderly: leaf('idr-per-year'),
      },
      /** At most this many eligible members are counted per family. */
      member_cap: leaf('count'),
      /** Families the programme may enrol (KPM). */
      quota: leaf('households'),
      /** Annual budget for PKH benefits. */
      budget: leaf('idr-per-year'),
      /** Months of benefit in a tranche; tranches are paid in calendar months m with (m − 1) mod value = 0 (3: January, April, July, October). */
      tranche_months: leaf('months'),
    },
    bpnt: {
      /** BPNT / Program Sembako benefit per family. */
      benefit: leaf('idr-per-month'),
      quota: leaf('households'),
      budget: leaf('idr-per-year'),
      /** Months of benefit in a tranche, paid in calendar months m with (m − 1) mod value = 0 (2: January, March, May …). */
      tranche_months: leaf('months'),
    },
    blt_bbm: {
      /** BLT BBM fuel-compensation cash transfer per family; zero outside the months it was paid. */
      benefit: leaf('idr-per-month'),
      quota: leaf('households'),
      budget: leaf('idr-per-year'),
      /** Months of benefit the payment of the month covers (0: no payment that month). */
      months_paid: leaf('months'),
    },
    rice_aid: {
      /** Rice per family per month of benefit (Bantuan Pangan beras); zero outside the months allocated. */
      kg: leaf('kg-per-month'),
      /** Families the rice aid may reach; zero between rounds. */
      quota: leaf('households'),
      /** Months of allocation the delivery of the month covers (0: no delivery that month). */
      months_paid: leaf('months'),
    },
    blt_el_nino: {
      /** BLT El Niño cash transfer per family; zero outside the months it covers. */
      benefit: leaf('idr-per-month'),
      quota: leaf('households'),
      budget: leaf('idr-per-year'),
      /** Months of benefit the payment of the month covers (0: no payment that month). */
      months_paid: leaf('months'),
    },
    blt_mrp: {
      /** BLT Mitigasi Risiko Pangan (food-price risk) cash transfer per family; zero outside the months it covers. */
      benefit: leaf('idr-per-month'),
      quota: leaf('households'),
      budget: leaf('idr-per-year'),
      /** Months of benefit the payment of the month covers (0: no payment that month). */
      months_paid: leaf('months'),
    },
    blt_dana_desa: {
      /** BLT Dana Desa (village-fund cash transfer) per family. */
      benefit: leaf('idr-per-month'),
      quota: leaf('households'),
      budget: leaf('idr-per-year'),
      /** Months of benefit in a payment, paid in calendar months m with (m − 1) mod value = 0 (1: every month). */
      tranche_months: leaf('months'),
    },
    blt_kesra: {
      /** BLT Kesra (BLT Sementara Kesejahteraan Rakyat) cash transfer per family; zero outside the months it covers. */
      benefit: leaf('idr-per-month'),
      quota: leaf('households'),
      /** Months of benefit the payment of the month covers (0: no payment that month). */
      months_paid: leaf('months'),
    },
    empowerment: {
      /** The 2022 integration of assistance with empowerment (pemulihan sosial → transisi → pengembangan) is in effect. */
      in_effect: leaf('bool'),
      /** PKH families whose head is under `push_age` are pushed towards graduation, in `push_share` of the facilitators' places. */
      under40_push: leaf('bool'),
      /** Age below which the graduation push applies. */
      push_age: leaf('years'),
      /** Share of the facilitators' free places for the push's families while it is on; the rest go to the extreme poor first. */
      push_share: leaf('share'),
      /** Months a household spends at least in pemulihan sosial before it may move on. */
      recovery_months: leaf('months'),
      /** Months after which a household in transisi without a working business returns to assistance. */
      transition_max_months: leaf('months'),
    },
    facilitators: {
      /** PKH facilitators (pendamping) who case-manage households in the empowerment phases. */
      count: leaf('persons'),
      /** Households in empowerment phases one facilitator can case-manage. */
      caseload: leaf('count'),
      /** Months over which the facilitators take on a full caseload: at most count × caseload / intake_months new families a month. */
      intake_months: leaf('months'),
    },
    tksk: {
      /** Subdistrict social welfare workers (TKSK), who report cases to the command center. */
      count: leaf('persons'),
      /** Cases one TKSK refers to the command center a month (for ATENSI assessment). */
      referrals: leaf('count'),
    },
    atensi: {
      /** Persons Sentra / Sentra Kreasi ATENSI can take into rehabilitation a year (one per household admitted). */
      places: leaf('persons'),
      /** Share of the places for each cluster (they sum to 1 at every date; see SPLITS). */
      cluster_share: {
        disaster: leaf('share'),
        children: leaf('share'),
        substance_use: leaf('share'),
        disability: leaf('share'),
        elderly: leaf('share'),
      },
      /** Cost of one household's rehabilitation. */
      unit_cost: leaf('idr'),
      /** Months a rehabilitation lasts. */
      months: leaf('months'),
    },
    rst: {
      /** RST houses (Rumah Sejahtera Terpadu) built a year. */
      houses: leaf('households'),
      /** Grant per house. */
      grant: leaf('idr'),
      /** Share of RST houses built with business space (Rumah Usaha Sederhana). */
      business_space_share: leaf('share'),
    },
    skills: {
      /** Households trained a year. */
      places: leaf('households'),
      unit_cost: leaf('idr'),
      /** Months a training lasts. */
      months: leaf('months'),
    },
    pena: {
      /** PENA recipients a year. */
      recipients: leaf('households'),
      /** Business capital per recipient, mostly in kind. */
      capital: leaf('idr'),
      /** Age range of the recipient (head of household). */
      min_age: leaf('years'),
      max_age: leaf('years'),
      /** Months of mentoring that come with the capital. */
      mentoring_months: leaf('months'),
      /** Months after the capital by which a recipient whose business stands is expected to leave assistance. */
      exit_months: leaf('months'),
    },
    prokus: {
      /** PROKUS recipients a year (families with a business, or just graduated). */
      recipients: leaf('households'),
      /** Grant per recipient. */
      grant: leaf('idr'),
      /** Months of incubation (mentoring). */
      incubation_months: leaf('months'),
      /** Months after graduating in which a family with a running business may still receive a grant. */
      graduate_window: leaf('months'),
    },
    community: {
      /** Households of remote indigenous communities (KAT) reached by community programmes a year. */
      kat_households: leaf('households'),
      /** Households reached a year by community programmes run by Karang Taruna (youth organisations). */
      karang_taruna_households: leaf('households'),
      /** Households reached a year by community programmes run by LKS (social welfare institutions). */
      lks_households: leaf('households'),
      /** Cost per household reached. */
      cost_per_household: leaf('idr'),
    },
    graduation: {
      /** Consumption per person must be at least this multiple of the national poverty line … */
      income_multiple: leaf('ratio'),
      /** … for this many consecutive months. */
      months_above: leaf('months'),
      /** Graduasi sejahtera mandiri: registry assessment (judged) or consumption (declared) per person at least this multiple of the national line. */
      mandiri_multiple: leaf('ratio'),
    },
  },
  behaviour: {
    prices: {
      /** CPI inflation year on year as BPS publishes it, each value the figure of its month. */
      inflation: leaf('rate-per-year'),
      /** CPI inflation month on month as BPS publishes it, each value the figure of its month. */
      month_on_month: leaf('rate-per-year'),
      /** CPI inflation after the last published figure, spread evenly over the months. */
      inflation_outlook: leaf('rate-per-year'),
      /** The part of a month's CPI rise that is a one-off jump incomes reach late (the Sep 2022 fuel-price rise). */
      fuel_price_shock: leaf('share'),
      /** Retail price of rice, at which rice aid is valued (consumption counts it in full, as BPS counts food received in kind). */
      rice: leaf('idr-per-kg'),
    },
    income: {
      /** Real growth of permanent income per person as a multiple of macro_growth (the calibrated multiplier). */
      real_growth: leaf('ratio'),
      /** Real growth of household consumption per person in the national accounts (HFCE less population), by year. */
      macro_growth: leaf('rate-per-year'),
      /** Growth incidence: growth of the poorest as a multiple of mean growth, falling linearly with rank to (2 − it) at the top. */
      growth_at_bottom: leaf('ratio'),
      /** Months by which nominal incomes follow the price level: a price jump cuts real income until they catch up. */
      price_lag: leaf('months'),
      /** Monthly AR(1) coefficient of the transitory (log) income component. */
      transitory_persistence: leaf('share'),
      /** Standard deviation of the monthly innovation of the transitory component. */
      transitory_sd: leaf('log-sd'),
      /** Monthly AR(1) coefficient of the shock shared by all households of a province. */
      province_persistence: leaf('share'),
      /** Standard deviation of the monthly innovation of the province shock. */
      province_sd: leaf('log-sd'),
      /** Monthly probability of an adverse household shock (job loss, illness, harvest failure). */
      shock_probability: leaf('probability-per-month'),
      /** Share of income lost when the shock hits; it then fades with the transitory persistence. */
      shock_size: leaf('share'),
      /** Share of those shocks that are disasters (flood, landslide, earthquake): the household becomes a disaster victim, whom ATENSI serves. */
      disaster_share: leaf('share'),
    },
    consumption: {
      /** Share of cash transfers that shows up in measured consumption in the month it is received. */
      transfer_share: leaf('share'),
      /** Weight of last month's consumption in this month's (0 = no smoothing). */
      smoothing: leaf('share'),
    },
    registry: {
      /** Share of truly eligible households (bottom 40 %) that the registry misses. */
      exclusion_error: leaf('share'),
      /** Share of registry members that are not truly eligible. */
      inclusion_error: leaf('share'),
      /** Monthly probability that a household is re-assessed (its registry status and score updated). */
      reassessment: leaf('probability-per-month'),
      /** Error of the proxy-means test's estimate of log consumption, used to rank households. */
      score_error: leaf('log-sd'),
    },
    pkh: {
      /** Monthly probability that a PKH family meets its conditions (health visits, school attendance, FDS) and is paid. */
      compliance: leaf('probability-per-month'),
      /** Share of a family's eligible members whose components PKH records and pays (its entitlement is scaled by it). */
      components_recorded: leaf('share'),
    },
    business: {
      /** Monthly probability that a household in transisi with capital starts its business. */
      start_probability: leaf('probability-per-month'),
      /** Monthly profit as a share of business capital, before bonuses. */
      monthly_return: leaf('share'),
      /** Extra return (share of the return) when the household has been trained. */
      skills_bonus: leaf('share'),
      /** Extra return (share of the return) while the household is mentored. */
      mentoring_bonus: leaf('share'),
      /** Extra return (share of the return) with an RST house with business space. */
      business_space_bonus: leaf('share'),
      /** Standard deviation of the monthly log shock to profit. */
      profit_sd: leaf('log-sd'),
      /** Share of profit reinvested in the business. */
      reinvestment: leaf('share'),
      /** Share of equipment and stock lost each month (wear, spoilage). */
      depreciation: leaf('share'),
      /** Net growth of livestock a year: births less deaths and animals sold or eaten. */
      livestock_growth: leaf('rate-per-year'),
      /** Monthly probability that a business fails, at or above the poverty-trap threshold. */
      failure_hazard: leaf('probability-per-month'),
      /** Business assets below which a business is in the poverty trap (Balboni et al. 2022). */
      trap_threshold: leaf('idr'),
      /** Failure hazard multiplier below the threshold. */
      trap_failure_multiplier: leaf('ratio'),
      /** Share by which mentoring cuts the failure hazard. */
      mentoring_failure_reduction: leaf('share'),
      /** Share of capital a household keeps when its business fails. */
      salvage: leaf('share'),
      /** Months a business must run before the household moves to pengembangan. */
      months_to_established: leaf('months'),
    },
    savings: {
      /** Share of income above needs (the larger of last month's consumption and the extreme-poverty line) put into savings. */
      saving_rate: leaf('share'),
      /** Share of a fall of income below last month's consumption that savings cover, while they last. */
      drawdown: leaf('share'),
    },
    atensi: {
      /** Probability that rehabilitation lets a household with a vulnerability move on. */
      success: leaf('probability'),
      /** Share of households whose members aged 70 or over (when they have any) are without care (lansia terlantar). */
      elderly_without_care: leaf('share'),
      /** Share of households whose children (when they have any) include one in need of special protection. */
      children_in_need: leaf('share'),
      /** Share of households with a member with a substance-use disorder (NAPZA). */
      substance_use: leaf('share'),
    },
    rst: {
      /** Share of extreme-poor households without decent housing (who need an RST house). */
      housing_need: leaf('share'),
      /** Share by which a decent house cuts the household shock probability. */
      shock_reduction: leaf('share'),
    },
    graduation: {
      /** Monthly probability that a household meeting the criteria graduates of its own accord. */
      voluntary: leaf('probability-per-month'),
      /** Monthly probability that a facilitator judges a PKH family meeting the sejahtera mandiri criterion self-reliant. */
      judged: leaf('probability-per-month'),
      /** Monthly probability that a PKH family meeting the sejahtera mandiri criterion declares itself self-reliant. */
      declared: leaf('probability-per-month'),
      /** Monthly probability that a graduated household below the national line falls back (relapses). */
      relapse_hazard: leaf('probability-per-month'),
    },
    community: {
      /** Share by which a community asset raises the market income of the households it reaches, while it lasts. */
      income_effect: leaf('share'),
      /** Share by which a KAT community asset (clean water, food barn, settlement) cuts their household shock probability, while it lasts. */
      shock_reduction: leaf('share'),
      /** Months a KAT community asset (settlement, clean water, lumbung sosial, productive assets) keeps working. */
      kat_asset_lifetime: leaf('months'),
      /** Months a Karang Taruna or LKS community enterprise keeps working. */
      enterprise_lifetime: leaf('months'),
    },
    shocks: {
      /** A COVID-like shock: share of market income every household loses in the month it hits (then fading with the transitory persistence). */
      covid_loss: leaf('share'),
      /** BPS code of the province a local flood hits (0: none). */
      flood_province: leaf('count'),
      /** Share of market income the households of the flooded province lose in the month it hits. */
      flood_loss: leaf('share'),
    },
    demography: {
      /** Mean years a child stays in PKH's early-childhood component (0–6) before school age. */
      early_childhood_years: leaf('years'),
      /** Mean years a pupil stays in primary school (SD/MI). */
      primary_years: leaf('years'),
      /** Mean years a pupil stays in junior secondary school (SMP/MTs). */
      junior_years: leaf('years'),
      /** Mean years a pupil stays in senior secondary school (SMA/SMK/MA), after which the child leaves PKH's components. */
      senior_years: leaf('years'),
      /** Probability that a child leaving early childhood enrols in primary school. */
      primary_entry: leaf('probability'),
      /** Probability that a pupil finishing primary school goes on to junior secondary school. */
      junior_continuation: leaf('probability'),
      /** Probability that a pupil finishing junior secondary school goes on to senior secondary school. */
      senior_continuation: leaf('probability'),
      /** Pregnancies a year per household with a woman of childbearing age as head or partner. */
      fertility: leaf('rate-per-year'),
      /** Age of the head below which the head (a woman) or the head's partner is of childbearing age. */
      childbearing_age_limit: leaf('years'),
      /** Months of pregnancy and post-partum (PKH "ibu hamil / nifas"), after which a birth adds a member. */
      pregnancy_window: leaf('months'),
      /** Probability that a male head of a household of two or more has a partner of his age (who turns 70 with him). */
      partner_share: leaf('share'),
      /** Annual death rate (hazard) of members aged 70 or over. */
      elderly_mortality: leaf('rate-per-year'),
    },
  },
} as const;

export type ParameterSpec = typeof PARAMETERS;

/**
 * Groups of shares that split a whole: at every date any of them changes, the shares in force sum
 * to 1 (within SPLIT_TOLERANCE), or the tree is refused.
 */
export const SPLITS = ['policy.atensi.cluster_share'] as const;

/** How far from 1 the shares of a split may sum (their files give six decimals). */
export const SPLIT_TOLERANCE = 1e-5;

/** The value type of a unit. */
export type ValueOf<U extends Unit> = U extends 'bool' ? boolean : number;

/** The values of a (sub)tree in force in one month. */
export type ValuesOf<T> = { readonly [K in keyof T]: T[K] extends Leaf<infer U> ? ValueOf<U> : ValuesOf<T[K]> };

/** All parameter values in force in one month. */
export type ParameterValues = ValuesOf<ParameterSpec>;

type Join<A extends string, B extends string> = `${A}.${B}`;
type PathsOf<T> = {
  [K in keyof T & string]: T[K] extends Leaf ? K : Join<K, PathsOf<T[K]>>;
}[keyof T & string];

/** Every parameter path, e.g. "policy.pkh.benefit.pregnant". */
export type ParameterPath = PathsOf<ParameterSpec>;
