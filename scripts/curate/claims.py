"""The claims register: the source article's checkable claims, each with a verdict.

Reads ``claims/claims.csv`` from the shared source extracts (77 claims from GlobalSecurity.org's
"Cambodia - Foreign Relations", July 2018, each with a verdict and the source that settles it)
and writes ``data/claims.csv``. The verdicts, sources and verbatim quotes are kept as they are
in the extract, except where the editors replaced a blog repost or an encyclopedia copy with a
stronger source for the same point (``sources/editorial/source_replacements_claims.csv``,
applied by ``grading.py`` when ``common.write`` writes the table; see
``sources/claims/ADDED.md``); the ``claim`` and ``evidence`` sentences are the book's own
wording of the extract's ``claim``, ``correction`` and ``note`` columns and of those
replacing sources (nothing added that is not there).

Every number in the evidence that a table of ``data/`` holds is read from that table, never
typed: the evidence sentences below carry ``{name}`` fields that ``numbers()`` fills from the
theme tables and the facts tables (by fact key). Run it after the theme scripts. Numbers that
remain typed in ``TEXT`` come from the claim's own source (its ``source_quote``) or from
sources the book has no table for; ``TYPED`` lists them.

    cd scripts/curate && ../../.venv/bin/python claims.py
"""
import pandas as pd

import sys

from common import DATA, ROOT, SOURCES, write

sys.path.insert(0, str(ROOT))
from cfr.years import year_ranges as _years  # noqa: E402

THEMES = ["donor-dependency", "great-power-balancing", "borders", "un-reform", "mekong",
          "multilateral", "history", "security"]
VERDICTS = ["confirmed", "corrected", "outdated", "disputed", "unverifiable", "opinion"]

# id: (claim, evidence), in the book's words.
TEXT = {
    "C01": ("For more than 25 years Western countries have helped Cambodia rebuild after the Khmer Rouge regime.",
            "Cambodia has received substantial official aid since the Paris Peace Accords of 1991, about 27 years before the article's date. The article's opening paragraph reproduces a 2018 AP story."),
    "C02": ("American and European aid worth billions of dollars was meant to turn Cambodia into a liberal democracy.",
            "No source adds up US and European aid. Only partial figures exist: USAID gave close to USD 500m between 1992 and 2008. Japan, not a Western donor, was long the largest bilateral donor."),
    "C03": ("The Western effort to build a liberal democracy in Cambodia has mostly failed.",
            "A judgement taken from the 2018 AP story. The New York Times made it in March 2018, and Strangio (Hun Sen's Cambodia, Yale UP 2014) and Greer share it; others credit aid with Cambodia's recovery while noting the democratic backsliding."),
    "C04": ("Donors pay for about half of the central government's budget.",
            "True when the article's source text was written, not by 2018. The finance ministry put external sources at {bf_1995}% of the 1995 budget. In the World Bank series, net aid equalled at least half of central government expense in {xp_half_years}, last in {xp_last_half}, and less than half in every year since; by 2017 the ministry put external financing at about {bf_2017}% of the budget."),
    "C05": ("Aid is worth as much as a tenth of gross national product.",
            "True in the 1990s: aid averaged {imf_aid_gdp}% of GDP in {imf_first}-{imf_last} (IMF), and net aid was at least a tenth of gross national income in {gni_ten_years} (World Bank). By 2018, the article's year, it was {gni_2018}% of GNI; {gni_last}% in {gni_last_year}."),
    "C06": ("The government's reform plans are mostly written to please donors; it deflects reform-minded donors and takes projects for their perks and for money it can divert.",
            "An assessment in the style of a US embassy report, partly shared by a Cambodia Daily analysis. The government says its finance reforms doubled revenue from 2013 to 2018. The sources checked do not document diverted funds."),
    "C07": ("For years Taiwan was an important donor to Cambodia and a notable business presence in Phnom Penh.",
            "Taiwan was long one of Cambodia's biggest investors; its role as an aid donor is not documented in the sources checked."),
    "C08": ("Since changing course in 1997 the government has firmly held to a one-China policy.",
            "After the July 1997 fighting Hun Sen closed Taiwan's representative office and has since refused to let it reopen. Cambodia had recognised Beijing in 1958, so the change was the closure of that office."),
    "C09": ("Cambodia works on its own terms with any government that helps its development, and bargains hard when money or sovereignty is at stake.",
            "Matches Hun Sen's line, at the opening of a road China paid for, that he welcomes all development aid and needs every friend; at WTO entry the commerce minister complained that Cambodia had paid a high price."),
    "C10": ("Cambodia has lately begun sending troops to UN peacekeeping missions.",
            "The first UN peacekeeping deployment was a demining team sent to Sudan in 2006, after small deminer teams in Kosovo and Eritrea. An undated official report counts 8,302 personnel sent to nine countries since 2006."),
    "C11": ("Cambodia's foreign policy looks outward and avoids binding alliances.",
            "The official position rests on the constitution's ban on foreign military bases. Critics writing in 2017 point to a drift towards China and to suspended exercises with the US and Australia."),
    "C12": ("Few states follow Cambodian politics or look to Cambodia for answers, and it lacks the power to pursue its interests.",
            "Some writers share the view that Cambodia is small and overlooked, but it drew wide attention in July 2012 when, as ASEAN chair, it took Beijing's side on the South China Sea."),
    "C13": ("Ranked by value, the army's defence-cooperation partners are Vietnam, China, Australia, France, the US, Thailand, Indonesia, Malaysia, Singapore and India.",
            "In 2005 the defence minister named China the biggest source of military aid (over USD 5m a year) and Vietnam the biggest trainer; by 2017 analysts called China the main military benefactor. The order depends on whether money or training counts, and no source gives the full list."),
    "C14": ("The physical condition of the Mekong river system is seriously degraded.",
            "Ecological stress is documented, including record-low flows in the 2019-20 drought, but whether dams or the climate are to blame is debated."),
    "C15": ("Cambodia is worried that China keeps building dams on the Mekong.",
            "China has kept building: {lancang_dams}; the Stimson Center counted {stimson_dams} Chinese dams on the upstream Mekong with {stimson_mw} MW in {stimson_date}. The government itself has said little in public and co-chairs China's Lancang-Mekong Cooperation, while Cambodian experts urge it to speak up."),
    "C16": ("Irrigation along the river is unmanaged and industrial waste pollutes its water.",
            "Too vague to test: no place, period or measure is given."),
    "C17": ("Cambodians rely on the river for food, drinking water and irrigation.",
            "The Mekong River Commission said in {lmb_pop_year} that it works for the {lmb_pop} million people of the basin. The source covers the whole basin, not Cambodia alone, so the support is general."),
    "C18": ("Only an effective \"Mekong River Basin Commission\" can keep the river's ecosystem sustainable.",
            "The body is the Mekong River Commission, set up by the Chiang Rai Agreement of 5 April 1995 between Cambodia, Laos, Thailand and Vietnam. China and Myanmar are only dialogue partners, so it has no say over China's upstream dams."),
    "C19": ("Over 80% of Cambodians live from farming, which leaves the country exposed to weather disasters.",
            "About 80% of Cambodians lived in the countryside, but farming was the main occupation of about 72% of households in 2004 and employed about 45% of workers in 2014. Exposure to floods and droughts is not in doubt."),
    "C20": ("Cambodia has taken on its share of the response to global warming since 2003.",
            "Commitments began earlier: Cambodia ratified the UNFCCC on 18 December 1995 and joined the Kyoto Protocol in July 2002. In 2003 the environment ministry set up its Climate Change Office."),
    "C21": ("Cambodia applies the UNFCCC and the Kyoto Protocol partly by promoting Clean Development Mechanism projects.",
            "By June 2010 four Cambodian CDM projects were registered, the first a rice-husk power plant in Kandal province."),
    "C22": ("Cambodia is carrying out a National Adaptation Programme of Action on climate change.",
            "The Council of Ministers endorsed the programme on 20 October 2006; a climate change strategic plan for 2014-2023 later replaced it."),
    "C23": ("Cambodia has started a campaign to replant its forests.",
            "Cambodia holds a yearly National Arbor Day of tree planting, founded in 1952, rather than one new campaign; forest cover has meanwhile fallen through logging."),
    "C24": ("Terrorism threatens every country and calls for closer international cooperation.",
            "A policy statement that cannot be tested as fact."),
    "C25": ("Some states able to build nuclear weapons stay outside the Non-Proliferation Treaty.",
            "India, Israel and Pakistan never signed the treaty and went on to build nuclear arsenals; North Korea left it in 2003."),
    "C26": ("Cambodia backs a Palestinian state living in peace beside Israel and holds that violence solves nothing.",
            "Cambodia's stated position; its foreign minister repeated support for a two-state solution at the UN General Assembly in 2024."),
    "C27": ("Cambodia warns that the Kashmir conflict could escalate and endanger South and Southeast Asia.",
            "A policy statement; not checked."),
    "C28": ("Cambodia favours reforming the UN Security Council and adding members to it.",
            "In 2005 the foreign minister said Cambodia had always backed new permanent seats. No later Cambodian statement on Council reform was checked."),
    "C29": ("Cambodia would support Japan, Germany and India as new permanent Security Council members.",
            "That was the earlier line. In April 2005, amid China-Japan tension, the foreign minister said Cambodia would \"wait and see\" on Japan's bid; no later public return to that support was found."),
    "C30": ("Cambodia has diplomatic relations with most countries, the United States among them.",
            "A State Department fact sheet dates full US relations from the elected government of 1993; earlier ties had been made and broken."),
    "C31": ("Cambodia belongs to the UN, its specialised agencies and most large international organisations.",
            "Cambodia joined the UN on 14 December 1955. Its General Assembly seat stood empty from September 1997 to late 1998 after the July 1997 fighting."),
    "C32": ("Cambodia became a member of ASEAN in 1998.",
            "ASEAN leaders agreed in December 1998 to admit Cambodia, but it became the tenth member only on 30 April 1999. Entry had been due in July 1997 and was put off after the ouster of co-premier Ranariddh."),
    "C33": ("Cambodia belongs to the World Bank, the International Monetary Fund and the Asian Development Bank.",
            "Cambodia was a founding member of the ADB in 1966 and has been an IMF member since 31 December 1969; World Bank membership was not sourced separately."),
    "C34": ("Cambodia joined the WTO as its 148th member on 13 October 2004 and is an active member.",
            "The WTO confirms the date and the rank; Cambodia had applied in December 1994."),
    "C35": ("China and Vietnam are the leading partners, each with programmes worth more than USD 3 million a year.",
            "The figure fits military aid in the mid-2000s (China over USD 5m a year in 2005) but greatly understates China later: a USD {wen_pledge_2006}m aid package in 2006, and AidData counts Chinese loans and grants committed to Cambodia of at least USD {gcdf_floor}m (in 2021 dollars) in every year from {gcdf_from} to {gcdf_last}, a measure of all official finance rather than of defence programmes. In SIPRI's register China delivered the most major arms to Cambodia since {arms_since} ({chn_tiv} million TIV, a measure of capability, not money) and Vietnam {vnm_tiv} million, all delivered in {vnm_years}. Vietnam mostly gives training, which neither source counts."),
    "C36": ("China and Vietnam usually compete for influence in Cambodia.",
            "A widely shared analysis: a Khmer Times analysis sees Cambodia as a possible contesting ground for the two countries' spheres of influence, and Strangio (Hun Sen's Cambodia, Yale UP 2014) argues that Chinese support lets Hun Sen offset the traditional influence of Vietnam and Thailand."),
    "C37": ("China and Vietnam fought their ideological contest in Cambodia instead of fighting each other.",
            "They also fought each other directly: Chinese troops invaded Vietnam on 17 February 1979 and fought in its border provinces until 16 March. The article itself says two sentences later that China attacked Vietnam."),
    "C38": ("China stood by the Khmer Rouge's Democratic Kampuchea, while Vietnam was its loudest critic and enemy.",
            "Sources describe the Khmer Rouge regime of April 1975 on as China-backed; it repeatedly attacked Vietnam before Vietnam invaded in December 1978."),
    "C39": ("Vietnam invaded and took over Cambodia in January 1979.",
            "The full invasion began on Christmas Day, 25 December 1978, and the Vietnamese army entered Phnom Penh on {phnom_penh_fell}, so only the capture of the capital falls in January."),
    "C40": ("After that, China attacked North Vietnam and invaded it.",
            "North Vietnam no longer existed after reunification in 1976. Chinese troops fought in the border provinces of the Socialist Republic of Vietnam from 17 February to 16 March 1979."),
    "C41": ("Cambodians, helped by Vietnam, drove out the Khmer Rouge.",
            "Vietnamese troops invaded in December 1978 and toppled the Khmer Rouge government. The offensive was Vietnamese-led with a Cambodian front in support, and the Khmer Rouge fought on until their last surrenders in 1998-99."),
    "C42": ("In the Cold War, Washington and Beijing supported a resistance alliance of which the Khmer Rouge were part.",
            "China was the coalition's main supplier of materiel and arms; the US supported its two non-communist factions and voted to keep it in the UN seat."),
    "C43": ("A speech by Hun Sen in early December 2008 showed that he does not forget past wrongs.",
            "The speech was not found; the wording probably comes from a US embassy cable of 24 December 2008."),
    "C44": ("The government deeply distrusts its big friends, China included.",
            "Hun Sen's hostility to China in the 1980s is documented (about a decade after 1979 he wrote that China was the root of all evil in Cambodia), but he later embraced Beijing openly."),
    "C45": ("Cambodia will go on balancing between the great powers.",
            "A forecast already doubtful by 2018: Cambodia suspended US and Australian exercises in 2017, and AP called it the one Southeast Asian country openly embracing China."),
    "C46": ("As foreign minister, Hun Sen won the Non-Aligned Movement's neutrality over who should hold Cambodia's UN seat.",
            "The movement did leave Cambodia's seat empty at its 1983 summit, and Hun Sen was the PRK's foreign minister from 1979, but his own part in this is not documented."),
    "C47": ("The People's Republic of Kampuchea was kept in power by tens of thousands of Vietnamese troops.",
            "Too low: at one point Vietnam had 200,000 troops there (Chicago Tribune, 1989), and Time counted 120,000 still there at the start of 1988; the last {vnm_last_troops} left in {vnm_last_troops_when}."),
    "C48": ("At the time the Khmer Rouge's Democratic Kampuchea occupied Cambodia's seat at the UN.",
            "The General Assembly confirmed the Khmer Rouge delegation in 1979 and again in 1980 ({credentials1980_yes} votes to 35, 32 abstaining); from 1982 the seat went to the Khmer Rouge-led coalition."),
    "C49": ("In 1979 the US refused to back the Vietnam-installed PRK, and China, fresh from its border war with Vietnam, sided with the US.",
            "Western states, China and ASEAN blocked the PRK's UN credentials each year against a challenge led by Vietnam and the Soviet bloc."),
    "C50": ("Democratic Kampuchea's Khmer Rouge flag remained at the UN until 1991.",
            "The flag stayed at the UN after 1979, kept by the Khmer Rouge-led coalition, which renamed itself in 1990 before the Supreme National Council took over. Sources say only \"into the early 1990s\"; no exact date was found."),
    "C51": ("Hun Sen often cites the Khmer Rouge's UN seat as proof of the flaws of the UN and of two of its permanent members.",
            "Reported more than once: he has said that powers which preach human rights kept the Khmer Rouge in the UN seat."),
    "C52": ("After the 1979 wars China and Vietnam cooperated more and softened their hostile rhetoric.",
            "True only later: tension stayed high through the 1980s, and the two normalised relations in 1991."),
    "C53": ("Cambodia, one of Southeast Asia's poorest countries, relies heavily on money from China and Vietnam.",
            "Its main financiers are China, Japan and the Asian Development Bank, together {lowy_share} of official development finance since 2015 (Lowy Institute). Vietnam is not a major donor; it mainly trains soldiers."),
    "C54": ("Cambodia ranks among the poorest countries of Southeast Asia.",
            "Its GDP per head (USD 2,429 in 2023) was the fourth-lowest in the region; it is a UN Least Developed Country, lower-middle-income since 2016."),
    "C55": ("In 2008 China celebrated fifty years of diplomatic relations with Cambodia in style.",
            "Relations date from {china_relations}, the date the Cambodian government gives, so the fiftieth anniversary fell in {china_fiftieth}; Xinhua reported the celebrations planned for it."),
    "C56": ("China's courtship in 2008 brought banquets, trips to Beijing and a run of high-level visits.",
            "A US embassy cable of December 2008, probably the article's source, lists visits to China by the prime minister and two deputy prime ministers from October 2008."),
    "C57": ("A Chinese warship called in Cambodia for the first time in 2008.",
            "The training ship Zheng He docked at Sihanoukville in November 2008, the first Chinese warship to do so; by January 2019 Chinese naval ships had called 17 times, the defence ministry said."),
    "C58": ("Cambodia holds up China's no-strings aid as a model while pragmatically balancing China with others, the US included.",
            "Hun Sen did praise a USD {wen_pledge_2006}m Chinese package as coming without strings; the balancing with the US is a US embassy judgement that the 2017 suspension of US drills puts in doubt."),
    "C59": ("ASEAN and ASEAN+3 come first in Cambodian foreign policy, with ASEAN integration first within ASEAN.",
            "Cambodian analysts and Hun Sen describe ASEAN as the cornerstone of the country's foreign policy."),
    "C60": ("Over the past 30 years ASEAN has built cooperation with partners through the ARF, APEC, ASEM and dialogue partnerships.",
            "ASEAN was 51 years old in 2018 (founded 8 August 1967). APEC is not an ASEAN body: Australia launched it in 1989, and Cambodia is not a member. ASEM began in 1996, and Cambodia joined it in 2004."),
    "C61": ("Border disputes with the neighbours are an old legacy of unclear demarcation and shared sea resources.",
            "All three land borders were still unsettled in places: land around Preah Vihear with Thailand, long undemarcated stretches with Laos, and {vnm_demarcated}% of the Vietnam border demarcated by {vnm_demarcated_year}."),
    "C62": ("Cambodia prefers to negotiate its border conflicts but keeps forces on the border.",
            "Its record mixes talks and legal routes (ICJ, UN Security Council, ASEAN) with armed clashes with Thailand in 2008-11 and a troop build-up against Laos in 2017."),
    "C63": ("Years of war left some border provinces without a single administration, so Cambodia lost some control of its borders for a time.",
            "The Khmer Rouge held border zones until the last fighters surrendered in 1998-99, which ended the civil war."),
    "C64": ("The heads of state of Cambodia and Vietnam signed a supplement to the 1985 \"State Border Demarcation Agreement\".",
            "The supplementary treaty to the 1985 boundary delimitation treaty was signed in Hanoi on 10 October 2005 by the two prime ministers, Hun Sen and Phan Van Khai; the heads of state only promulgated it. A further supplementary treaty followed in October 2019."),
    "C65": ("The supplementary treaty was a historic, positive step towards a clear border with Vietnam.",
            "The government's view; the opposition CNRP and critics in 2005 said the treaties ceded Cambodian land to Vietnam."),
    "C66": ("Cambodia and Thailand are at odds over Hun Sen's appointment of ousted Thai prime minister Thaksin as economic adviser.",
            "The appointment (November 2009) was real, but Thaksin resigned on 23 August 2010 and full relations were restored the next day; the article still used the present tense in 2018."),
    "C67": ("Each country has pulled its ambassador from the other over Thaksin.",
            "The ambassadors were recalled on 5 November 2009 and returned from 24 August 2010, after Thaksin resigned."),
    "C68": ("Thailand wants Thaksin on corruption charges.",
            "More exactly, a Thai court convicted him in absentia in 2008 of corruption and conflict of interest, and he remained a fugitive."),
    "C69": ("In 2011 Thailand and Cambodia fought over the border at the Preah Vihear temple.",
            "Clashes on 4-7 February 2011 killed at least {toll_feb2011} people; fighting further west from 22 April killed about {toll_apr2011} and displaced {displaced_apr2011}. The ICJ ordered a provisional demilitarised zone on 18 July 2011."),
    "C70": ("In 1962 the International Court of Justice gave the Preah Vihear temple to Cambodia.",
            "The judgment of 15 June 1962 (9 votes to 3) gave Cambodia the temple but did not settle the wider boundary. An interpretation of 11 November 2013, which the article omits, extended Cambodian sovereignty to the whole promontory."),
    "C71": ("The Preah Vihear temple belongs to a planned UN World Heritage site.",
            "UNESCO inscribed the temple on the World Heritage List in July 2008 (7 or 8 July, by source), before the 2011 fighting; the listing itself set off the 2008 clashes."),
    "C72": ("Relations with Laos are mostly good, and problems on the northern border are being settled peacefully.",
            "Broadly so, but in 2017 Hun Sen gave Laos an ultimatum over its troops in Stung Treng and deployed forces before talks in Vientiane ended the standoff on 12 August 2017; the border is not fully demarcated."),
    "C73": ("France, a long-standing partner, runs military cooperation that trains officer cadets, the Royal Gendarmerie and Interior Ministry staff.",
            "France has helped build up the gendarmerie since 1994 and trained over 4,400 gendarmes in six years; training for Interior Ministry staff was not verified."),
    "C74": ("France and the EU are now concentrating on Cambodia's reconstruction.",
            "Undated and vague. The reconstruction framing fits the 1990s; later European aid was framed as development and governance support."),
    "C75": ("Australia gives aid for education, farming, health, criminal justice, mine clearance and defence cooperation.",
            "Cambodia's army commander in 2020 listed Australian help with infrastructure, health, agriculture, demining and good governance."),
    "C76": ("Australia resumed defence aid in mid-1999 through its Defence Cooperation Program.",
            "The program is confirmed for 2013 and 2017, but no source was found for a suspension after July 1997 or a restart in mid-1999."),
    "C77": ("Australia's defence program centres on strategy papers such as a Defence White Paper, military education and training, English teaching and military medicine.",
            "By 2013-2017 it centred on counter-terrorism training, maritime security and English-language teaching; Australian help with a Cambodian white paper was not verified."),
}


# Claims whose evidence still carries numbers typed from sources that no table of data/ holds
# (each is in the claim's source_quote or note in sources/claims/claims.csv).
TYPED = {
    "C02": "USD 500m (USAID history page)", "C10": "8,302 personnel, nine countries (AKP)",
    "C13": "USD 5m a year (2005 statement)", "C19": "80%, 72%, 45% (farming shares)",
    "C35": "USD 3 million, USD 5m (2005 statement)",
    "C47": "200,000 troops (Chicago Tribune, 22 Sep 1989) and 120,000 (Time, 1988)",
    "C48": "35 against, 32 abstaining (the fact's unit text, not a value)",
    "C54": "USD 2,429 GDP per head (2023)", "C57": "17 calls by January 2019",
    "C60": "51 years, 1967, 1989, 1996, 2004", "C73": "4,400 gendarmes in six years",
}


def _fact(key: str) -> pd.Series:
    """The row of fact ``key`` from the facts tables (one layout, see cfr/facts.py)."""
    rows = pd.concat([pd.read_csv(f, dtype={"key": str}) for f in sorted(DATA.glob("*_facts.csv"))])
    row = rows[rows.key == key]
    assert len(row) == 1, f"fact {key!r} found {len(row)} times"
    return row.iloc[0]


def _num(value: float, fmt: str = ",.0f") -> str:
    return format(float(value), fmt)


GCDF_CLASSES = ["ODA-like", "OOF-like"]  # official finance AidData can classify (not "Vague")
GCDF_FLOOR_MUSD = 100  # C35: the years from which every year's commitments reached this
ARMS_SINCE = 1991  # the book's arms comparisons start with the Paris Agreements (cfr.partners)


def china_commitments() -> pd.Series:
    """Chinese official finance committed to Cambodia each year, US$ million (constant 2021),
    ODA-like plus OOF-like, from donors_china_gcdf (AidData GCDF 3.0)."""
    gcdf = pd.read_csv(DATA / "donors_china_gcdf.csv")
    gcdf = gcdf[(gcdf.iso3 == "KHM") & gcdf.flow_class.isin(GCDF_CLASSES)]
    return gcdf.groupby("year").commitment_usd_2021.sum() / 1e6


def china_commitments_run(yearly: pd.Series) -> pd.Series:
    """The years from the last year below ``GCDF_FLOOR_MUSD`` (exclusive) to the end of the
    series: the unbroken run, ending in the latest year, in which every year reached it."""
    below = yearly[yearly < GCDF_FLOOR_MUSD].index
    start = below.max() + 1 if len(below) else yearly.index.min()
    return yearly[yearly.index >= start]


def khm_arms_by_supplier() -> pd.DataFrame:
    """Major arms delivered to Cambodia's government since ``ARMS_SINCE`` by supplier and
    year, million SIPRI TIV (powers_arms_deliveries, as cfr.partners.arms_delivered_register)."""
    arms = pd.read_csv(DATA / "powers_arms_deliveries.csv")
    return arms[(arms.recipient_iso3 == "KHM") & (arms.year >= ARMS_SINCE)]


def china_finance_and_arms() -> dict[str, str]:
    """C35: China's official finance and arms against the article's USD 3 million, and Vietnam's
    arms deliveries, from the book's AidData and SIPRI tables."""
    run = china_commitments_run(china_commitments())
    arms = khm_arms_by_supplier()
    by_supplier = arms.groupby("supplier_iso3").tiv_musd.sum().sort_values(ascending=False)
    assert by_supplier.index[0] == "CHN", "C35 says China delivered the most arms"
    vnm = arms[arms.supplier_iso3 == "VNM"]
    return {"gcdf_floor": _num(run.min()), "gcdf_from": str(run.index.min()),
            "gcdf_last": str(run.index.max()), "arms_since": str(ARMS_SINCE),
            "chn_tiv": _num(by_supplier["CHN"]), "vnm_tiv": _num(by_supplier["VNM"]),
            "vnm_years": _years(vnm.year.unique())}


def timeline_day(words: str) -> pd.Timestamp:
    """The day of the one great-powers timeline event whose wording contains ``words``."""
    tl = pd.read_csv(DATA / "powers_timeline.csv", dtype=str)
    row = tl[tl.event.str.contains(words, regex=False)]
    assert len(row) == 1 and row.iloc[0].date_precision == "day", (words, row)
    return pd.Timestamp(row.iloc[0].date)


def phnom_penh_fell() -> str:
    """C39: the day the Vietnamese army entered Phnom Penh, from the great-powers timeline."""
    return timeline_day("enters Phnom Penh").strftime("%-d %B %Y")


def numbers() -> dict[str, str]:
    """The register's numbers, each read from a table row (formatted as the sentence shows it)."""
    out = {}
    gni = pd.read_csv(DATA / "donors_oda_gni.csv")
    gni = gni[gni.iso3 == "KHM"].set_index("year").oda_pct_gni
    out["gni_ten_years"] = _years(gni[gni >= 10].index)
    out["gni_2018"] = _num(gni[2018], ".1f")
    out["gni_last_year"] = str(gni.index.max())
    out["gni_last"] = _num(gni[gni.index.max()], ".1f")
    imf = pd.read_csv(DATA / "donors_imf_flows.csv")
    imf = imf[imf.indicator.isin(["aid_loans", "aid_official_grants"])]
    by_year = imf.groupby("year").value.sum()
    out["imf_aid_gdp"] = _num(by_year.mean(), ".0f")
    out["imf_first"], out["imf_last"] = str(by_year.index.min()), str(by_year.index.max())
    xp = pd.read_csv(DATA / "donors_oda_expense.csv")
    xp = xp[xp.iso3 == "KHM"].set_index("year").oda_pct_expense
    out["xp_half_years"] = _years(xp[xp >= 50].index)
    out["xp_last_half"] = str(xp[xp >= 50].index.max())
    budget = pd.read_csv(DATA / "donors_budget_statements.csv")
    ext = budget[budget.measure == "reliance on external sources of income in the budget"]
    out["bf_1995"] = _num(ext[ext.year == 1995].value.iloc[0], ".0f")
    out["bf_2017"] = _num(ext[ext.year == 2017].value.iloc[0], ".0f")

    dams = pd.read_csv(DATA / "mekong_dams.csv")
    lancang = dams[(dams.iso3 == "CHN") & dams.mainstream.astype(str).eq("True")]
    done = lancang.dropna(subset=["year_full"])
    late = done[done.year_full > 2014]
    building = lancang[lancang.status == "under construction"].dam.tolist()
    sentence = (f"the book's dam list gives a completion year for {len(done)} of the "
                f"{len(lancang)} Lancang mainstream dams it lists, from {int(done.year_full.min())} to "
                f"{int(done.year_full.max())}")
    if len(late):
        sentence += f", {len(late)} of them completed in {_years(late.year_full)}"
    if building:
        sentence += f", and lists {' and '.join(building)} as under construction"
    out["lancang_dams"] = sentence
    out["stimson_dams"] = _num(_fact("stimson_china_dams").value)
    out["stimson_mw"] = _num(_fact("stimson_china_mw").value)
    out["stimson_date"] = str(_fact("stimson_china_mw").as_of)[:4]

    troops = _fact("vnm_last_troops_1989")
    out["vnm_last_troops"] = _num(troops.value)
    out["vnm_last_troops_when"] = pd.Timestamp(str(troops.as_of)).strftime("%B %Y")
    out["credentials1980_yes"] = _num(_fact("credentials1980_yes").value)
    out["lowy_share"] = str(_fact("lowy_china_japan_adb_share").value_as_given) + "%"
    out["wen_pledge_2006"] = _num(_fact("wen_pledge_2006").value)
    out.update(china_finance_and_arms())
    out["phnom_penh_fell"] = phnom_penh_fell()
    relations = timeline_day("China establish diplomatic relations")
    out["china_relations"] = relations.strftime("%-d %B %Y")
    out["china_fiftieth"] = str(relations.year + 50)
    population = _fact("lmb_pop_2005")
    out["lmb_pop"], out["lmb_pop_year"] = _num(population.value), str(population.as_of)[:4]

    dem = pd.read_csv(DATA / "borders_demarcation.csv", dtype={"as_of": str})
    vnm = dem[(dem.iso3 == "VNM") & (dem.measure == "share demarcated (%)")].dropna(subset=["as_of"])
    first = vnm.sort_values("as_of").iloc[0]
    out["vnm_demarcated"] = _num(first.value)
    out["vnm_demarcated_year"] = first.as_of[:4]

    toll = pd.read_csv(DATA / "borders_conflict_toll.csv")
    feb = toll[toll.episode.str.startswith("Feb 2011") & (toll.measure == "killed")]
    apr = toll[toll.episode.str.startswith("Apr 2011")]
    out["toll_feb2011"] = _num(feb.value.sum())
    out["toll_apr2011"] = _num(apr[apr.measure == "killed"].value.max())
    out["displaced_apr2011"] = _num(apr[apr.measure == "displaced"].value.max())
    return out


def main():
    src = pd.read_csv(SOURCES / "claims/claims.csv", dtype=str, keep_default_na=False)
    seed = (SOURCES / "seed/000_97a2cdd9aa9513cd.txt").read_text(encoding="utf-8")
    assert len(src) == 77 and set(src.id) == set(TEXT), "claims and rewrites must match"
    assert set(src.theme) <= set(THEMES) and set(src.verdict) <= set(VERDICTS)
    for r in src.itertuples():
        assert len(r.seed_quote.split()) <= 15 and " ".join(r.seed_quote.split()) in " ".join(seed.split()), r.id
        assert len(r.source_quote.split()) <= 25, r.id
    values = numbers()
    evidence = {i: TEXT[i][1].format_map(values) for i in TEXT}
    out = pd.DataFrame({
        "id": src.id,
        "theme": src.theme,
        "claim": src.id.map(lambda i: TEXT[i][0]),
        "verdict": src.verdict,
        "evidence": src.id.map(evidence),
        "source_title": src.source_title,
        "source_url": src.source_url,
        "source_quote": src.source_quote,
        "seed_quote": src.seed_quote,
    })
    write(out, "claims.csv")
    print(out.verdict.value_counts().to_string())


if __name__ == "__main__":
    main()
