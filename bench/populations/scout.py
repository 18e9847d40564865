"""Partner-search entries of the kind cluster managers and RDI platform coordinators file in
interregional matchmaking databases, and the project-idea abstracts and expressions of
interest they send to Interreg and Vinnova calls: prose abstracts, labelled application
forms and terse database notes, in Swedish and English, each naming its technology in its
own words.

Planted consortia have three or four members around a coordinator (a star with side
exchanges) or a chain where everyone needs two of the others; each member has a twin in
another region (same theme and needs, other technology) and an off-theme complement.
Noise actors are siblings on a planted theme, namesakes sharing a word of a planted
technology, broad hubs, stubs, actors that disclaim a planted technology, and peers on a
planted technology whose needs fit no member."""

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from bench.populations.model import (
    SE_NUTS2,
    PlantedConsortium,
    Population,
    SyntheticActor,
    finish,
    nuts2,
)

NAME = "scout"

T = TypeVar("T")

SWEDISH_SHARE = 0.55
TEXT_ONLY_SHARE = 0.35
MAX_PER_THEME = 3


@dataclass(frozen=True)
class Tech:
    key: str  # canonical name
    theme: str
    en: tuple[str, ...]
    sv: tuple[str, ...]


# theme -> (canonical name, English wordings, Swedish wordings)
_RAW: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {
    "life-science": [
        (
            "mRNA vaccine manufacturing",
            ("mRNA vaccine manufacturing", "messenger RNA vaccine production", "mRNA vaccines"),
            ("mRNA-vaccintillverkning", "tillverkning av mRNA-vaccin", "budbärar-RNA-vacciner"),
        ),
        (
            "cell and gene therapy",
            ("cell and gene therapy", "ATMP", "advanced therapy medicinal products"),
            ("cell- och genterapi", "avancerade terapiläkemedel", "genterapier", "ATMP"),
        ),
        (
            "organ-on-chip",
            ("organ-on-chip", "organs-on-a-chip", "microphysiological systems"),
            ("organ-på-chip", "organchip", "mikrofysiologiska system"),
        ),
        (
            "antibody engineering",
            ("antibody engineering", "monoclonal antibody design", "engineered antibodies"),
            ("antikroppsdesign", "konstruktion av monoklonala antikroppar", "antikroppsteknik"),
        ),
        (
            "biobanking",
            ("biobanking", "biobank sample logistics", "biobanks"),
            ("biobanker", "biobanksverksamhet", "provhantering i biobank"),
        ),
        (
            "AI-driven drug discovery",
            (
                "AI-driven drug discovery",
                "machine-learning drug discovery",
                "in silico drug design",
            ),
            (
                "AI-stödd läkemedelsutveckling",
                "läkemedelsupptäckt med maskininlärning",
                "datordriven läkemedelsdesign",
            ),
        ),
    ],
    "health-care": [
        (
            "remote patient monitoring",
            ("remote patient monitoring", "RPM", "home monitoring of patients"),
            ("distansövervakning av patienter", "fjärrmonitorering", "hemmonitorering"),
        ),
        (
            "digital pathology",
            ("digital pathology", "whole-slide imaging", "digitised pathology"),
            ("digital patologi", "helsnittsskanning", "digitaliserad patologi"),
        ),
        (
            "care robotics",
            ("care robotics", "assistive robots in elderly care", "care robots"),
            ("välfärdsrobotik", "vårdrobotar", "robotstöd i äldreomsorgen"),
        ),
        (
            "AI-based medical imaging",
            ("AI-based medical imaging", "machine learning for radiology", "AI radiology"),
            (
                "AI-baserad medicinsk bilddiagnostik",
                "AI inom radiologi",
                "bildanalys med maskininlärning",
            ),
        ),
        (
            "point-of-care diagnostics",
            ("point-of-care diagnostics", "POC testing", "bedside diagnostic tests"),
            ("patientnära diagnostik", "patientnära analys", "snabbtester vid vårdplatsen"),
        ),
        (
            "telerehabilitation",
            ("telerehabilitation", "remote rehabilitation", "rehab via video link"),
            ("distansrehabilitering", "telerehabilitering", "rehabilitering på distans"),
        ),
    ],
    "food": [
        (
            "precision fermentation",
            (
                "precision fermentation",
                "fermentation-derived proteins",
                "precision-fermented ingredients",
            ),
            ("precisionsfermentering", "precisionsjäsning", "fermenteringsbaserade proteiner"),
        ),
        (
            "plant protein texturing",
            ("plant protein texturing", "high-moisture extrusion", "texturised plant proteins"),
            ("texturering av växtprotein", "högfuktsextrudering", "texturerade växtproteiner"),
        ),
        (
            "vertical farming",
            ("vertical farming", "indoor vertical farms", "controlled-environment agriculture"),
            ("vertikal odling", "vertikala odlingar", "inomhusodling i flera plan"),
        ),
        (
            "aquaponics",
            ("aquaponics", "combined fish and vegetable cultivation", "aquaponic systems"),
            ("akvaponi", "akvaponisk odling", "kombinerad fisk- och grönsaksodling"),
        ),
        (
            "blockchain food traceability",
            (
                "blockchain food traceability",
                "distributed-ledger traceability of food",
                "traceable food chains on blockchain",
            ),
            (
                "blockkedjebaserad livsmedelsspårning",
                "spårbarhet i livsmedelskedjan med blockkedja",
                "blockkedjeteknik för spårbara livsmedel",
            ),
        ),
        (
            "insect protein",
            ("insect protein", "insect farming for feed and food", "edible insects"),
            ("insektsprotein", "insektsodling", "ätbara insekter"),
        ),
    ],
    "offshore": [
        (
            "floating offshore wind",
            ("floating offshore wind", "floating wind turbines", "floating wind"),
            ("flytande havsbaserad vindkraft", "flytande vindkraftverk", "flytande havsvind"),
        ),
        (
            "subsea cable inspection",
            (
                "subsea cable inspection",
                "inspection of submarine power cables",
                "undersea cable surveys",
            ),
            ("inspektion av sjökablar", "undervattensinspektion av kablar", "kabelinspektion"),
        ),
        (
            "autonomous underwater vehicles",
            ("autonomous underwater vehicles", "AUVs", "underwater drones"),
            ("autonoma undervattensfarkoster", "undervattensdrönare", "AUV:er"),
        ),
        (
            "wave energy converters",
            ("wave energy converters", "wave power", "ocean wave energy"),
            ("vågkraft", "vågenergiomvandlare", "vågkraftverk"),
        ),
        (
            "offshore aquaculture",
            ("offshore aquaculture", "open-sea fish farming", "offshore mariculture"),
            ("havsbaserat vattenbruk", "fiskodling till havs", "vattenbruk offshore"),
        ),
        (
            "offshore hydrogen production",
            (
                "offshore hydrogen production",
                "hydrogen from offshore wind",
                "offshore electrolysis",
            ),
            ("vätgasproduktion till havs", "havsbaserad elektrolys", "vätgas från havsvind"),
        ),
    ],
    "aerospace": [
        (
            "small satellite platforms",
            ("small satellite platforms", "CubeSats", "smallsats"),
            ("småsatellitplattformar", "kubsatelliter", "små satelliter"),
        ),
        (
            "additive manufacturing of aero-engine parts",
            (
                "additive manufacturing of aero-engine parts",
                "3D-printed aircraft engine components",
                "AM of aero-engine components",
            ),
            (
                "additiv tillverkning av flygmotordelar",
                "3D-printade flygmotorkomponenter",
                "friformsframställning av motordetaljer för flyg",
            ),
        ),
        (
            "electric aviation",
            ("electric aviation", "electric aircraft", "battery-electric flight"),
            ("elflyg", "eldrivna flygplan", "elektrisk luftfart"),
        ),
        (
            "drone traffic management",
            ("drone traffic management", "UTM", "unmanned traffic management"),
            ("drönartrafikledning", "trafikledning för drönare", "UTM-system"),
        ),
        (
            "earth observation analytics",
            ("earth observation analytics", "satellite imagery analysis", "EO data services"),
            ("analys av jordobservationsdata", "satellitbildsanalys", "jordobservationstjänster"),
        ),
        (
            "sustainable aviation fuel",
            ("sustainable aviation fuel", "SAF", "renewable jet fuel"),
            ("hållbart flygbränsle", "förnybart flygbränsle", "biojetbränsle"),
        ),
    ],
    "textiles": [
        (
            "textile-to-textile recycling",
            (
                "textile-to-textile recycling",
                "fibre-to-fibre recycling",
                "recycling of post-consumer textiles",
            ),
            (
                "textilåtervinning",
                "fiber-till-fiber-återvinning",
                "återvinning av uttjänta textilier",
            ),
        ),
        (
            "smart textiles",
            ("smart textiles", "e-textiles", "electronic textiles"),
            ("smarta textilier", "e-textil", "elektroniska textilier"),
        ),
        (
            "regenerated cellulose fibres",
            (
                "regenerated cellulose fibres",
                "wood-based textile fibres",
                "man-made cellulosic fibres",
            ),
            (
                "regenererade cellulosafibrer",
                "textilfibrer från skogen",
                "träbaserade textilfibrer",
            ),
        ),
        (
            "waterless textile dyeing",
            ("waterless textile dyeing", "supercritical CO2 dyeing", "dry dyeing of fabrics"),
            (
                "vattenfri textilfärgning",
                "färgning med superkritisk koldioxid",
                "torrfärgning av textil",
            ),
        ),
        (
            "digital textile printing",
            ("digital textile printing", "inkjet printing on fabric", "digital fabric printing"),
            ("digitaltryck på textil", "bläckstråletryck på tyg", "digital textiltryckning"),
        ),
        (
            "technical nonwovens",
            ("technical nonwovens", "nonwoven technical fabrics", "engineered nonwovens"),
            ("tekniska nonwovens", "fiberduk för tekniska tillämpningar", "tekniska fiberdukar"),
        ),
    ],
    "ict": [
        (
            "edge computing",
            ("edge computing", "edge cloud", "computing at the network edge"),
            ("edge computing", "kantberäkning", "beräkning i nätets utkant"),
        ),
        (
            "private 5G networks",
            ("private 5G networks", "campus 5G", "non-public 5G"),
            ("privata 5G-nät", "campusnät för 5G", "lokala 5G-nät"),
        ),
        (
            "digital twins",
            ("digital twins", "digital twin technology", "virtual replicas of physical assets"),
            ("digitala tvillingar", "digital tvilling", "virtuella kopior av fysiska system"),
        ),
        (
            "post-quantum cryptography",
            ("post-quantum cryptography", "quantum-safe encryption", "PQC"),
            ("postkvantkryptografi", "kvantsäker kryptering", "kvantsäker kryptografi"),
        ),
        (
            "federated learning",
            (
                "federated learning",
                "federated machine learning",
                "privacy-preserving distributed machine learning",
            ),
            (
                "federerad inlärning",
                "federerad maskininlärning",
                "integritetsbevarande distribuerad maskininlärning",
            ),
        ),
        (
            "OT security",
            ("OT security", "cybersecurity for industrial control systems", "ICS security"),
            (
                "OT-säkerhet",
                "cybersäkerhet för styrsystem",
                "IT-säkerhet i industriella styrsystem",
            ),
        ),
    ],
    "bioeconomy": [
        (
            "lignin valorisation",
            ("lignin valorisation", "lignin-based chemicals", "upgrading of lignin"),
            ("ligninförädling", "ligninbaserade kemikalier", "förädling av lignin"),
        ),
        (
            "biochar",
            ("biochar", "pyrolysis char for soils", "biochar production"),
            ("biokol", "biokolsproduktion", "pyrolyskol för jordförbättring"),
        ),
        (
            "cross-laminated timber",
            ("cross-laminated timber", "CLT", "massive timber elements"),
            ("korslimmat trä", "KL-trä", "massivträelement"),
        ),
        (
            "biogas upgrading",
            (
                "biogas upgrading",
                "biomethane production",
                "upgrading of biogas to vehicle fuel",
            ),
            (
                "biogasuppgradering",
                "biometanproduktion",
                "uppgradering av biogas till fordonsgas",
            ),
        ),
        (
            "seaweed biorefining",
            ("seaweed biorefining", "macroalgae biorefinery", "seaweed processing"),
            ("tångförädling", "bioraffinering av makroalger", "makroalgsbioraffinaderi"),
        ),
        (
            "nanocellulose",
            ("nanocellulose", "cellulose nanofibrils", "microfibrillated cellulose"),
            ("nanocellulosa", "cellulosananofibriller", "mikrofibrillerad cellulosa"),
        ),
    ],
    "advanced-manufacturing": [
        (
            "metal additive manufacturing",
            ("metal additive manufacturing", "metal 3D printing", "powder bed fusion"),
            ("additiv tillverkning i metall", "3D-printning i metall", "pulverbäddssmältning"),
        ),
        (
            "collaborative robots",
            ("collaborative robots", "cobots", "human-robot collaboration"),
            ("kollaborativa robotar", "samarbetande robotar", "cobotar"),
        ),
        (
            "machine vision inspection",
            (
                "machine vision inspection",
                "vision-based quality inspection",
                "automated optical inspection",
            ),
            (
                "maskinseende för kvalitetskontroll",
                "kamerabaserad kvalitetskontroll",
                "automatiserad optisk inspektion",
            ),
        ),
        (
            "predictive maintenance",
            ("predictive maintenance", "condition-based maintenance", "PdM"),
            ("prediktivt underhåll", "tillståndsbaserat underhåll", "förutsägande underhåll"),
        ),
        (
            "laser welding",
            ("laser welding", "laser beam welding", "laser joining"),
            ("lasersvetsning", "svetsning med laser", "laserfogning"),
        ),
        (
            "automated fibre placement",
            ("automated fibre placement", "automated composite layup", "AFP of composites"),
            (
                "automatisk fiberplacering",
                "automatiserad kompositläggning",
                "robotiserad kompositlayup",
            ),
        ),
    ],
    "energy": [
        (
            "battery cell production",
            (
                "battery cell production",
                "lithium-ion cell manufacturing",
                "battery cell manufacturing",
            ),
            (
                "battericellstillverkning",
                "produktion av litiumjonceller",
                "tillverkning av battericeller",
            ),
        ),
        (
            "green hydrogen electrolysis",
            (
                "green hydrogen electrolysis",
                "electrolytic hydrogen",
                "renewable hydrogen production",
            ),
            (
                "grön vätgas",
                "elektrolysbaserad vätgasproduktion",
                "fossilfri vätgas via elektrolys",
            ),
        ),
        (
            "smart grids",
            ("smart grids", "intelligent power grids", "smart electricity networks"),
            ("smarta elnät", "intelligenta elnät", "smarta nät"),
        ),
        (
            "large heat pumps for district heating",
            (
                "large heat pumps for district heating",
                "district heating heat pumps",
                "heat pumps in district energy",
            ),
            (
                "storskaliga värmepumpar i fjärrvärme",
                "fjärrvärmevärmepumpar",
                "värmepumpar för fjärrvärmenät",
            ),
        ),
        (
            "agrivoltaics",
            ("agrivoltaics", "agri-PV", "solar panels over farmland"),
            ("agrivoltaik", "solceller på jordbruksmark", "agri-PV"),
        ),
        (
            "vehicle-to-grid",
            ("vehicle-to-grid", "V2G", "bidirectional EV charging"),
            ("fordon-till-nät", "dubbelriktad laddning", "V2G-laddning"),
        ),
    ],
    "circular-economy": [
        (
            "battery recycling",
            (
                "battery recycling",
                "recovery of battery metals",
                "recycling of spent lithium-ion batteries",
            ),
            (
                "batteriåtervinning",
                "återvinning av batterimetaller",
                "återvinning av uttjänta litiumjonbatterier",
            ),
        ),
        (
            "reuse of construction materials",
            (
                "reuse of construction materials",
                "circular building materials",
                "building component reuse",
            ),
            ("återbruk av byggmaterial", "cirkulära byggmaterial", "återbruk av byggkomponenter"),
        ),
        (
            "chemical recycling of plastics",
            (
                "chemical recycling of plastics",
                "plastic pyrolysis",
                "depolymerisation of plastic waste",
            ),
            ("kemisk återvinning av plast", "plastpyrolys", "depolymerisering av plastavfall"),
        ),
        (
            "product-as-a-service",
            ("product-as-a-service", "PaaS business models", "servitised product offerings"),
            ("produkt som tjänst", "tjänstebaserade affärsmodeller", "funktionsförsäljning"),
        ),
        (
            "industrial symbiosis",
            (
                "industrial symbiosis",
                "by-product exchange between plants",
                "industrial side-stream sharing",
            ),
            (
                "industriell symbios",
                "utbyte av restflöden mellan företag",
                "samverkan kring industriella restströmmar",
            ),
        ),
        (
            "remanufacturing",
            ("remanufacturing", "component refurbishment", "remanufactured parts"),
            ("återtillverkning", "renovering av komponenter", "reman"),
        ),
    ],
    "urban-development": [
        (
            "urban air quality sensing",
            (
                "urban air quality sensing",
                "low-cost air sensors in cities",
                "street-level air monitoring",
            ),
            (
                "luftkvalitetsmätning i städer",
                "sensornät för luftkvalitet",
                "lågkostnadssensorer för stadsluft",
            ),
        ),
        (
            "nature-based stormwater management",
            (
                "nature-based stormwater management",
                "blue-green infrastructure",
                "rain gardens and bioswales",
            ),
            ("naturbaserad dagvattenhantering", "blågröna lösningar", "regnbäddar och svackdiken"),
        ),
        (
            "autonomous shuttle buses",
            (
                "autonomous shuttle buses",
                "self-driving minibuses",
                "automated last-mile shuttles",
            ),
            ("självkörande bussar", "autonoma skyttelbussar", "förarlösa minibussar"),
        ),
        (
            "urban digital twins",
            ("urban digital twins", "city digital twin", "3D city models"),
            ("digitala tvillingar för städer", "digital stadsmodell", "3D-stadsmodeller"),
        ),
        (
            "positive energy districts",
            ("positive energy districts", "PEDs", "energy-positive neighbourhoods"),
            ("plusenergikvarter", "energipositiva stadsdelar", "plusenergiområden"),
        ),
        (
            "tall timber buildings",
            ("tall timber buildings", "timber high-rises", "multi-storey wooden buildings"),
            ("höga trähus", "flervåningshus i trä", "trähöghus"),
        ),
    ],
}

TECHS: dict[str, tuple[Tech, ...]] = {
    theme: tuple(Tech(key, theme, en, sv) for key, en, sv in rows) for theme, rows in _RAW.items()
}
THEMES = tuple(TECHS)

THEME_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "life-science": {
        "en": ("life sciences", "biopharma and biotech", "drug development"),
        "sv": ("life science", "läkemedel och bioteknik", "biovetenskaplig industri"),
    },
    "health-care": {
        "en": ("health and care", "digital health", "healthcare services"),
        "sv": ("hälso- och sjukvård", "vård och omsorg", "e-hälsa"),
    },
    "food": {
        "en": ("food and agri-food", "the food value chain", "food production"),
        "sv": ("livsmedel", "livsmedelskedjan", "mat- och jordbruksnäringen"),
    },
    "offshore": {
        "en": ("marine and offshore industries", "the blue economy", "offshore operations"),
        "sv": ("marin och havsbaserad industri", "den blå ekonomin", "havsnäringarna"),
    },
    "aerospace": {
        "en": ("aerospace", "aviation and space", "the space sector"),
        "sv": ("flyg och rymd", "rymdindustrin", "flygindustrin"),
    },
    "textiles": {
        "en": ("textiles and fashion", "the textile industry", "technical textiles"),
        "sv": ("textil och mode", "textilindustrin", "tekoindustrin"),
    },
    "ict": {
        "en": ("ICT", "digital technologies", "software and connectivity"),
        "sv": ("IKT", "digitala tekniker", "mjukvara och uppkoppling"),
    },
    "bioeconomy": {
        "en": ("the forest-based bioeconomy", "bio-based industries", "the bioeconomy"),
        "sv": ("skogsbaserad bioekonomi", "biobaserad industri", "bioekonomin"),
    },
    "advanced-manufacturing": {
        "en": ("advanced manufacturing", "smart production", "the engineering industry"),
        "sv": ("avancerad tillverkning", "smart produktion", "verkstadsindustrin"),
    },
    "energy": {
        "en": ("energy", "the energy transition", "renewable energy systems"),
        "sv": ("energi", "energiomställningen", "förnybara energisystem"),
    },
    "circular-economy": {
        "en": ("the circular economy", "resource efficiency", "circular value chains"),
        "sv": ("cirkulär ekonomi", "resurseffektivitet", "cirkulära värdekedjor"),
    },
    "urban-development": {
        "en": ("sustainable urban development", "smart cities", "city planning"),
        "sv": ("hållbar stadsutveckling", "smarta städer", "samhällsbyggnad"),
    },
}

NAME_STEMS: dict[str, dict[str, tuple[str, ...]]] = {
    "life-science": {"en": ("BioMed", "Life Science", "Biotech"), "sv": ("Bioteknik", "Medicon")},
    "health-care": {"en": ("Health Tech", "CareLab", "eHealth"), "sv": ("Vård", "Hälsoteknik")},
    "food": {"en": ("Food Tech", "AgriFood", "Taste"), "sv": ("Livsmedel", "Matkluster")},
    "offshore": {"en": ("Ocean", "Blue Tech", "Maritime"), "sv": ("Havs", "Marin")},
    "aerospace": {"en": ("Aero", "Space", "Skyline"), "sv": ("Flyg", "Rymd")},
    "textiles": {"en": ("Textile", "Fibre", "Smart Fabric"), "sv": ("Textil", "Teko")},
    "ict": {"en": ("Digital", "ICT", "Connect"), "sv": ("IT", "Digital")},
    "bioeconomy": {"en": ("Bio Economy", "Forest", "Biorefinery"), "sv": ("Skogs", "Bioekonomi")},
    "advanced-manufacturing": {
        "en": ("Production", "Industry 4.0", "Manufacturing"),
        "sv": ("Produktions", "Verkstads"),
    },
    "energy": {"en": ("Energy", "Power", "Green Power"), "sv": ("Energi", "Kraft")},
    "circular-economy": {"en": ("Circular", "Loop", "ReUse"), "sv": ("Cirkulär", "Återbruks")},
    "urban-development": {"en": ("Urban", "Smart City", "CityLab"), "sv": ("Stads", "Samhälls")},
}

CAPABILITIES = (
    "research",
    "testbed",
    "prototyping",
    "manufacturing",
    "design",
    "market-access",
    "sme-network",
    "training",
    "financing",
    "regulatory",
    "data",
)

# How each capability is put, as noun phrases that fit the offer and search sentences.
CAPABILITY_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "research": {
        "en": (
            "applied research capacity",
            "strong academic research groups",
            "PhD-level expertise",
            "joint R&D with our university partners",
            "scientific know-how from our laboratories",
        ),
        "sv": (
            "tillämpad forskning",
            "forskningskompetens från våra lärosäten",
            "forskargrupper i framkant",
            "disputerad expertis",
            "gemensamma FoU-projekt med akademin",
        ),
    },
    "testbed": {
        "en": (
            "pilot runs in our demo plant",
            "an open test arena",
            "access to pilot-scale facilities",
            "a living lab for real-world trials",
            "infrastructure for testing and demonstration",
        ),
        "sv": (
            "pilotkörningar i vår demoanläggning",
            "en öppen testarena",
            "tillgång till pilotanläggningar",
            "ett levande labb för försök i verklig miljö",
            "miljöer för test och demonstration",
        ),
    },
    "prototyping": {
        "en": (
            "rapid prototyping",
            "a makerspace for early proof-of-concept builds",
            "help turning sketches into working prototypes",
            "a prototype workshop",
            "proof-of-concept development",
        ),
        "sv": (
            "snabb prototypframtagning",
            "en verkstad för tidiga konceptmodeller",
            "stöd att ta fram fungerande prototyper",
            "prototypverkstäder",
            "konceptverifiering",
        ),
    },
    "manufacturing": {
        "en": (
            "production capacity at industrial scale",
            "contract manufacturing",
            "series production lines",
            "industrial firms able to produce in volume",
            "scale-up to full production",
        ),
        "sv": (
            "produktionskapacitet i industriell skala",
            "kontraktstillverkning",
            "serietillverkning",
            "tillverkande företag som kan producera i volym",
            "uppskalning till fullskalig produktion",
        ),
    },
    "design": {
        "en": (
            "industrial design",
            "user-centred design expertise",
            "service and product design",
            "design-thinking workshops",
            "UX and interaction design",
        ),
        "sv": (
            "industridesign",
            "kompetens inom användarcentrerad design",
            "tjänste- och produktdesign",
            "designmetodik",
            "formgivning och UX",
        ),
    },
    "market-access": {
        "en": (
            "routes to international markets",
            "export and go-to-market support",
            "contacts with large buyers",
            "market intelligence and customer introductions",
            "a sales channel into public procurement",
        ),
        "sv": (
            "vägar ut på internationella marknader",
            "exportstöd",
            "kontakter med stora köpare",
            "marknadsanalys och kundintroduktioner",
            "stöd för kommersialisering",
        ),
    },
    "sme-network": {
        "en": (
            "a network of more than a hundred SMEs",
            "access to small and medium-sized suppliers",
            "our member base of small firms",
            "matchmaking with regional SMEs",
            "a broad community of start-ups and small businesses",
        ),
        "sv": (
            "ett nätverk med över hundra småföretag",
            "tillgång till små och medelstora leverantörer",
            "vår medlemsbas av småföretag",
            "matchning mot regionala SMF",
            "en bred gemenskap av startups och småbolag",
        ),
    },
    "training": {
        "en": (
            "skills development programmes",
            "courses for engineers and operators",
            "vocational and continuing education",
            "upskilling of the workforce",
            "tailored training modules",
        ),
        "sv": (
            "kompetensutvecklingsprogram",
            "kurser för ingenjörer och operatörer",
            "yrkes- och vidareutbildning",
            "kompetenslyft för personalen",
            "skräddarsydda utbildningsinsatser",
        ),
    },
    "financing": {
        "en": (
            "seed funding and investor contacts",
            "co-financing",
            "access to venture capital",
            "support writing funding applications",
            "a regional innovation fund",
        ),
        "sv": (
            "såddfinansiering och investerarkontakter",
            "medfinansiering",
            "tillgång till riskkapital",
            "stöd i ansökningsskrivande",
            "en regional innovationsfond",
        ),
    },
    "regulatory": {
        "en": (
            "regulatory and certification expertise",
            "help with CE marking",
            "knowledge of standards and approval processes",
            "compliance advice",
            "guidance through permitting",
        ),
        "sv": (
            "kompetens inom regelverk och certifiering",
            "stöd med CE-märkning",
            "kunskap om standarder och godkännandeprocesser",
            "rådgivning om regelefterlevnad",
            "vägledning genom tillståndsprocesser",
        ),
    },
    "data": {
        "en": (
            "large curated datasets",
            "data analytics skills",
            "a shared data platform",
            "sensor data from live operations",
            "data science capacity",
        ),
        "sv": (
            "stora kvalitetssäkrade datamängder",
            "kompetens inom dataanalys",
            "en gemensam dataplattform",
            "sensordata från drift",
            "datavetenskaplig kapacitet",
        ),
    },
}

# NUTS-3 regions of Sweden and towns in each.
PLACES: dict[str, tuple[str, ...]] = {
    "SE110": ("Stockholm", "Solna", "Södertälje", "Kista"),
    "SE121": ("Uppsala", "Enköping"),
    "SE122": ("Eskilstuna", "Nyköping"),
    "SE123": ("Linköping", "Norrköping"),
    "SE124": ("Örebro", "Karlskoga"),
    "SE125": ("Västerås", "Köping"),
    "SE211": ("Jönköping", "Värnamo", "Gislaved"),
    "SE212": ("Växjö", "Älmhult"),
    "SE213": ("Kalmar", "Oskarshamn", "Västervik"),
    "SE214": ("Visby",),
    "SE221": ("Karlskrona", "Ronneby", "Karlshamn"),
    "SE224": ("Malmö", "Lund", "Helsingborg"),
    "SE231": ("Halmstad", "Varberg"),
    "SE232": ("Göteborg", "Borås", "Trollhättan", "Skövde"),
    "SE311": ("Karlstad", "Arvika"),
    "SE312": ("Falun", "Borlänge", "Ludvika"),
    "SE313": ("Gävle", "Sandviken", "Hudiksvall"),
    "SE321": ("Sundsvall", "Örnsköldsvik", "Härnösand"),
    "SE322": ("Östersund", "Åre"),
    "SE331": ("Umeå", "Skellefteå"),
    "SE332": ("Luleå", "Kiruna", "Piteå"),
}
ENGLISH_PLACE = {"Göteborg": "Gothenburg"}

THEME_NACE = {
    "life-science": "21.20",
    "health-care": "86.90",
    "food": "10.89",
    "offshore": "30.11",
    "aerospace": "30.30",
    "textiles": "13.20",
    "ict": "62.01",
    "bioeconomy": "17.11",
    "advanced-manufacturing": "28.41",
    "energy": "35.11",
    "circular-economy": "38.32",
    "urban-development": "71.11",
}
KIND_NACE = {"cluster": ("94.11", "70.22"), "rdi_platform": ("72.19", "72.11", "85.42")}

KIND_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "cluster": {
        "en": ("a cluster organisation", "a cluster initiative", "an industry network"),
        "sv": ("en klusterorganisation", "ett klusterinitiativ", "ett branschnätverk"),
    },
    "rdi_platform": {
        "en": ("an RDI platform", "a research and innovation platform", "an R&D platform"),
        "sv": (
            "en FoU-plattform",
            "en forsknings- och innovationsplattform",
            "en innovationsmiljö",
        ),
    },
}

INTROS = {
    "en": (
        "{name} is {kind} in {place} working in {theme}.",
        "We are {kind} based in {place}, with some {n} member organisations in {theme}.",
        "{name} ({place}) is {kind} that brings industry, academia and public actors "
        "together around {theme}.",
        "This entry is submitted by {name}, {kind} in {place} active in {theme}.",
        "Based in {place}, {name} is {kind} serving companies in {theme}.",
    ),
    "sv": (
        "{name} är {kind} i {place} med inriktning på {theme}.",
        "Vi är {kind} med bas i {place} och har ett {n}-tal medlemmar inom {theme}.",
        "{name} ({place}) är {kind} som samlar näringsliv, akademi och offentlig sektor "
        "kring {theme}.",
        "Den här anmälan kommer från {name}, {kind} i {place} {active} inom {theme}.",
        "Med bas i {place} arbetar {name} som {bare} för företag inom {theme}.",
    ),
}
INTROS_WITH_TECH = {
    "en": (
        "{name} is {kind} in {place} gathering companies that work with {tech}.",
        "{name}, based in {place}, is {kind} whose members build on {tech}.",
        "{our} {bare} in {place} connects firms and researchers working on {tech}.",
    ),
    "sv": (
        "{name} är {kind} i {place} som samlar företag som arbetar med {tech}.",
        "{name} i {place} är {kind} vars medlemmar bygger på {tech}.",
        "{our} {bare} i {place} knyter ihop företag och forskare som arbetar med {tech}.",
    ),
}
TECH_HEADINGS = {
    "en": ("Key technology – {tech}.", "Technology focus: {tech}.", "Main area: {tech}."),
    "sv": ("Teknikområde: {tech}.", "Nyckelteknik – {tech}.", "Fokusområde: {tech}."),
}
TECH_PHRASES = {
    "en": (
        "Our members develop and apply {tech} in {theme}.",
        "The core of the project idea is to scale up {tech} across regional borders.",
        "We mainly work on {tech}, from early trials to market uptake.",
        "The idea is an interregional effort on {tech}, building on our strengths in {theme}.",
        "Over the last years our work has increasingly revolved around {tech}.",
    ),
    "sv": (
        "Våra medlemmar utvecklar och tillämpar {tech} inom {theme}.",
        "Kärnan i projektidén är att skala upp {tech} över regiongränserna.",
        "Vi arbetar främst med {tech}, från tidiga försök till marknadsintroduktion.",
        "Idén är en interregional satsning på {tech} som bygger på vår styrka inom {theme}.",
        "Under de senaste åren har allt mer av vårt arbete handlat om {tech}.",
    ),
}
TECH_BARE = {
    "en": (
        "{Tech} is at the centre of our roadmap.",
        "{Tech} – that is where our members see the next opportunity.",
        "Our roadmap is built around {tech}.",
    ),
    "sv": (
        "{Tech} står i centrum för vår färdplan.",
        "{Tech} – där ser våra medlemmar nästa affärsmöjlighet.",
        "Vår färdplan är byggd kring {tech}.",
    ),
}
OFFER_FRAMES = {
    "en": (
        "We can contribute {x}.",
        "Our members bring {x} to the table.",
        "What we offer: {x}.",
        "Partners get access to {x}.",
        "We have {x} available for the project.",
        "On our side we have {x}.",
    ),
    "sv": (
        "Vi kan bidra med {x}.",
        "Våra medlemmar tillför {x}.",
        "Vi erbjuder {x}.",
        "Hos oss finns {x}.",
        "Som partner får man tillgång till {x}.",
        "Vi har {x} att bidra med i projektet.",
    ),
}
SEEK_FRAMES = {
    "en": (
        "We are looking for partners offering {x}.",
        "We lack {x} and seek a region that has it.",
        "Partners sought: organisations with {x}.",
        "We would like to team up with someone who can provide {x}.",
        "Ideally a partner would bring {x}.",
        "Missing in our region: {x}.",
    ),
    "sv": (
        "Vi söker partner som kan erbjuda {x}.",
        "Vi saknar {x} och letar efter en region som har det.",
        "Sökes: aktörer med {x}.",
        "Vi vill samarbeta med någon som kan bidra med {x}.",
        "Helst ska en partner tillföra {x}.",
        "Det som saknas hos oss är {x}.",
    ),
}
CLOSINGS = {
    "en": (
        "Target call: Interreg North Sea, next cut-off.",
        "Intended funding: Vinnova's programme for interregional collaboration.",
        "We aim to submit an application within a year.",
        "Contact our project office for a first meeting.",
        "The idea is at an early stage and open to new angles.",
        "Estimated project length is three years.",
    ),
    "sv": (
        "Tänkt utlysning: Interreg Öresund-Kattegat-Skagerrak.",
        "Planerad finansiering: Vinnovas program för interregional samverkan.",
        "Vi siktar på att lämna in en ansökan inom ett år.",
        "Kontakta vårt projektkontor för ett första möte.",
        "Idén är i ett tidigt skede och öppen för nya vinklar.",
        "Projekttiden beräknas till tre år.",
    ),
}
FORM_LABELS = {
    "en": (
        ("Applicant", "Project idea", "Our contribution", "Partners wanted"),
        ("Organisation", "Idea", "We offer", "Looking for"),
    ),
    "sv": (
        ("Sökande", "Projektidé", "Vårt bidrag", "Vi söker"),
        ("Organisation", "Idé", "Vi erbjuder", "Önskade partner"),
    ),
}
FORM_IDEAS = {
    "en": (
        "an interregional pilot on {tech} in {theme}",
        "joint development of {tech} for {theme}",
        "scaling {tech} beyond our own region",
    ),
    "sv": (
        "en interregional pilot kring {tech} inom {theme}",
        "gemensam utveckling av {tech} för {theme}",
        "att skala upp {tech} utanför den egna regionen",
    ),
}
NOTE_OPENINGS = {
    "en": (
        "{name} ({place}) seeks partners for a project on {tech}.",
        "Partner search: {name} in {place} is preparing a project on {tech}.",
    ),
    "sv": (
        "{name} ({place}) söker partner till ett projekt om {tech}.",
        "Partnersökning: {name} i {place} förbereder ett projekt om {tech}.",
    ),
}
NOTE_SELF = {
    "en": (
        "We are {kind} working in {theme}.",
        "Our organisation is {kind} with around {n} members in {theme}.",
    ),
    "sv": (
        "Vi är {kind} inom {theme}.",
        "Vår organisation är {kind} med ett {n}-tal medlemmar inom {theme}.",
    ),
}
DISCLAIMERS = {
    "en": (
        "Note that we do not work with {other} ourselves; our focus is {tech}.",
        "Despite what our name may suggest, {other} is not part of our portfolio.",
        "We are often asked about {other}, but that is outside our scope.",
    ),
    "sv": (
        "Observera att vi inte arbetar med {other}, utan med {tech}.",
        "Trots namnet ingår inte {other} i vår verksamhet.",
        "Vi får ofta frågor om {other}, men det ligger utanför vårt område.",
    ),
}
HUB_SENTENCES = {
    "en": (
        "Our members span {techs}.",
        "Activities range from {techs} to much else.",
    ),
    "sv": (
        "Medlemmarna arbetar bland annat med {techs}.",
        "Verksamheten spänner över {techs} och mycket mer.",
    ),
}

_STOP = {"with", "from", "based", "into", "over", "between", "their"}


def _cap(text: str) -> str:
    if len(text) > 1 and (text[1].isupper() or text[0].isupper()):
        return text
    return text[:1].upper() + text[1:]


def _join(items: list[str], lang: str) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + (" och " if lang == "sv" else " and ") + items[-1]


def _tokens(tech: Tech) -> set[str]:
    words: set[str] = set()
    for text in (tech.key, *tech.en):
        words |= {w for w in re.split(r"[^a-z0-9]+", text.lower()) if len(w) >= 4}
    return words - _STOP


@dataclass
class _Spec:
    """What an actor is, before it is written up."""

    kind: str
    lang: str
    region_code: str
    place: str
    themes: list[str]  # first one is the main theme
    tech: Tech
    wordings: list[str]
    offers: set[str]
    seeks: set[str]


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, options: Sequence[T]) -> T:
        return self.rng.choice(list(options))

    def region(self, nuts2_code: str) -> tuple[str, str]:
        counties = sorted(c for c in PLACES if c.startswith(nuts2_code))
        county = self.pick(counties)
        code = county if self.rng.random() < 0.6 else nuts2_code
        return code, self.pick(PLACES[county])

    def language(self) -> str:
        return "sv" if self.rng.random() < SWEDISH_SHARE else "en"

    def kind(self) -> str:
        return "cluster" if self.rng.random() < 0.6 else "rdi_platform"

    def wordings(self, tech: Tech, lang: str, avoid: set[str]) -> list[str]:
        """The actor's own words for its technology: mostly its language's, now and then
        the English term in a Swedish text, sometimes with a second form."""
        pool = list(tech.sv if lang == "sv" else tech.en)
        if lang == "sv" and self.rng.random() < 0.18:
            pool = list(tech.en)
        fresh = [w for w in pool if w not in avoid] or pool
        first = self.pick(fresh)
        chosen = [first]
        rest = [w for w in pool if w != first]
        if rest and self.rng.random() < 0.2:
            chosen.append(self.pick(rest))
        return chosen

    def name(self, kind: str, lang: str, theme: str, place: str) -> str:
        stem = self.pick(NAME_STEMS[theme][lang])
        if lang == "sv":
            joint = stem if " " not in stem else stem + "-"
            if kind == "cluster":
                forms = (
                    f"{joint}klustret {place}",
                    f"{joint}nätverket i {place}",
                    f"Klusterinitiativet {stem} {place}",
                )
            else:
                forms = (
                    f"{joint}labbet {place}",
                    f"FoU-plattformen {stem}",
                    f"{joint}centrum {place}",
                )
        else:
            place = ENGLISH_PLACE.get(place, place)
            if kind == "cluster":
                forms = (f"{place} {stem} Cluster", f"{stem} Alliance {place}", f"{stem} Network")
            else:
                forms = (
                    f"{stem} Innovation Platform",
                    f"{place} {stem} Lab",
                    f"{stem} Centre {place}",
                )
        return self.pick(forms)

    def caps(self, caps: set[str], lang: str) -> list[str]:
        return [self.pick(CAPABILITY_WORDS[c][lang]) for c in sorted(caps)]

    def needs_sentences(self, spec: _Spec) -> list[str]:
        lang, out = spec.lang, []
        offers = self.caps(spec.offers, lang)
        self.rng.shuffle(offers)
        if len(offers) >= 2 and self.rng.random() < 0.35:
            frames = self.rng.sample(OFFER_FRAMES[lang], 2)
            out.append(frames[0].format(x=offers[0]))
            out.append(frames[1].format(x=_join(offers[1:], lang)))
        else:
            out.append(self.pick(OFFER_FRAMES[lang]).format(x=_join(offers, lang)))
        seeks = self.caps(spec.seeks, lang)
        self.rng.shuffle(seeks)
        out.append(self.pick(SEEK_FRAMES[lang]).format(x=_join(seeks, lang)))
        return out

    def tech_text(self, spec: _Spec) -> str:
        tech = spec.wordings[0]
        own = {*spec.tech.en, *spec.tech.sv}
        if len(spec.wordings) > 1 and spec.wordings[1] in own:
            tech = f"{tech} ({spec.wordings[1]})"
        return tech

    def describe(self, spec: _Spec, name: str, extra: list[str] | None = None) -> str:
        lang = spec.lang
        place = ENGLISH_PLACE.get(spec.place, spec.place) if lang == "en" else spec.place
        kind = self.pick(KIND_WORDS[spec.kind][lang])
        bare = kind.split(" ", 1)[1]
        theme = self.pick(THEME_WORDS[spec.themes[0]][lang])
        if len(spec.themes) > 1:
            theme = _join([theme, self.pick(THEME_WORDS[spec.themes[1]][lang])], lang)
        tech = self.tech_text(spec)
        neuter = kind.startswith("ett ")
        fields = {"name": name, "place": place, "kind": kind, "bare": bare, "theme": theme}
        fields |= {
            "our": "Our" if lang == "en" else ("Vårt" if neuter else "Vår"),
            "active": "verksamt" if neuter else "verksam",
        }
        fields |= {"n": str(self.rng.choice((15, 20, 30, 40, 60, 80, 120))), "tech": tech}
        style = self.rng.random()
        if style < 0.25:  # an expression-of-interest form
            labels = self.rng.choice(FORM_LABELS[lang])
            where = "i" if lang == "sv" else "in"
            idea = self.pick(FORM_IDEAS[lang]).format(**fields)
            offers = _join(self.caps(spec.offers, lang), lang)
            seeks = _join(self.caps(spec.seeks, lang), lang)
            sentences = [
                f"{labels[0]}: {name}, {bare} {where} {place}.",
                f"{labels[1]}: {idea}.",
                f"{labels[2]}: {offers}.",
                f"{labels[3]}: {seeks}.",
            ]
        elif style < 0.45:  # a partner-search database note
            sentences = [self.pick(NOTE_OPENINGS[lang]).format(**fields)]
            if self.rng.random() < 0.5:
                sentences.append(self.pick(NOTE_SELF[lang]).format(**fields))
            sentences += self.needs_sentences(spec)
        else:  # a project-idea abstract
            if self.rng.random() < 0.3:
                sentences = [self.pick(INTROS_WITH_TECH[lang]).format(**fields)]
            else:
                sentences = [self.pick(INTROS[lang]).format(**fields)]
                way = self.rng.random()
                if way < 0.3:
                    sentences.append(self.pick(TECH_HEADINGS[lang]).format(**fields))
                elif way < 0.75:
                    sentences.append(self.pick(TECH_PHRASES[lang]).format(**fields))
                else:
                    bare_tech = self.pick(TECH_BARE[lang])
                    sentences.append(bare_tech.format(Tech=_cap(tech), tech=tech))
            sentences += self.needs_sentences(spec)
        sentences += extra or []
        if len(sentences) < 6 and self.rng.random() < 0.4:
            sentences.append(self.pick(CLOSINGS[lang]))
        return " ".join(_cap(s) for s in sentences)


def _plan_themes(rng: random.Random, consortia: int) -> list[str]:
    if consortia > MAX_PER_THEME * len(THEMES):
        raise ValueError(f"at most {MAX_PER_THEME * len(THEMES)} consortia")
    slots = [t for t in THEMES for _ in range(MAX_PER_THEME)]
    rng.shuffle(slots)
    return slots[:consortia]


def _needs(n: int, rng: random.Random) -> tuple[list[set[str]], list[set[str]]]:
    """What each of n members offers and seeks: either a coordinator that needs most of the
    others' offers while they all need its own, with side exchanges between the others, or
    a chain where every member needs something from each of the next two."""
    caps = list(CAPABILITIES)
    rng.shuffle(caps)
    primary, spare, outside = caps[:n], caps[n : 2 * n], caps[2 * n :]
    offers = [{primary[i]} for i in range(n)]
    for i in range(n):
        if rng.random() < 0.45:
            offers[i].add(spare[i])
    seeks: list[set[str]] = [set() for _ in range(n)]
    if rng.random() < 0.65:
        others = list(range(1, n))
        served = rng.sample(others, len(others) if n == 3 or rng.random() < 0.5 else 2)
        for j in served:
            seeks[0].add(primary[j])
        for i in others:
            seeks[i].add(rng.choice(sorted(offers[0])))
        for j in others:
            if j not in served:
                seeks[rng.choice([i for i in others if i != j])].add(primary[j])
        if rng.random() < 0.5:
            i, j = rng.sample(others, 2)
            seeks[i].add(rng.choice(sorted(offers[j])))
    else:
        order = rng.sample(range(n), n)
        for pos, i in enumerate(order):
            for step in (1, 2):
                target = order[(pos + step) % n]
                seeks[i].add(rng.choice(sorted(offers[target])))
    for i in range(n):
        if rng.random() < 0.25:
            seeks[i].add(rng.choice(outside))
    return offers, seeks


def _other_region(w: _Writer, avoid: str) -> tuple[str, str]:
    return w.region(w.pick([r for r in SE_NUTS2 if r != avoid]))


def _some_caps(rng: random.Random) -> tuple[set[str], set[str]]:
    caps = rng.sample(CAPABILITIES, 5)
    k = rng.randint(1, 3)
    return set(caps[:k]), set(caps[k : k + rng.randint(1, 2)])


def generate(seed: int, consortia: int, noise: int) -> Population:
    """A population of partner-search entries with `consortia` planted consortia and
    `noise` unrelated entries."""
    rng = random.Random(f"{NAME}:{seed}")
    w = _Writer(rng)
    drafts: list[SyntheticActor] = []
    planted: list[PlantedConsortium] = []

    def add(
        spec: _Spec,
        role: str,
        group: int | None = None,
        mirror_of: int | None = None,
        extra: list[str] | None = None,
        text: str | None = None,
    ) -> SyntheticActor:
        name = w.name(spec.kind, spec.lang, spec.themes[0], spec.place)
        nace: set[str] = set()
        if rng.random() < 0.5:
            nace.add(w.pick(KIND_NACE[spec.kind]))
            if rng.random() < 0.6:
                nace.add(THEME_NACE[spec.themes[0]])
        actor = SyntheticActor(
            id=len(drafts) + 1,
            kind=spec.kind,
            name=name,
            region_code=spec.region_code,
            language=spec.lang,
            description=text.format(name=name) if text else w.describe(spec, name, extra),
            themes=frozenset(spec.themes),
            technologies=frozenset(spec.wordings),
            offers=frozenset(spec.offers),
            seeks=frozenset(spec.seeks),
            nace_codes=frozenset(nace),
            focus=spec.tech.key,
            role=role,
            group=group,
            mirror_of=mirror_of,
            text_only=rng.random() < TEXT_ONLY_SHARE,
        )
        drafts.append(actor)
        return actor

    def spec(
        themes: list[str], tech: Tech, region: tuple[str, str], offers: set[str], seeks: set[str]
    ) -> _Spec:
        lang = w.language()
        return _Spec(
            kind=w.kind(),
            lang=lang,
            region_code=region[0],
            place=region[1],
            themes=themes,
            tech=tech,
            wordings=w.wordings(tech, lang, set()),
            offers=set(offers),
            seeks=set(seeks),
        )

    # The consortia: one technology each, never shared by two consortia.
    themes = _plan_themes(rng, consortia)
    chosen: list[Tech] = []
    for theme in themes:
        taken = {t.key for t in chosen}
        chosen.append(rng.choice([t for t in TECHS[theme] if t.key not in taken]))
    planted_keys = {t.key for t in chosen}
    free = {th: [t for t in TECHS[th] if t.key not in planted_keys] for th in THEMES}
    members_of: list[list[SyntheticActor]] = []
    for k, (theme, tech) in enumerate(zip(themes, chosen, strict=True)):
        n = 3 if rng.random() < 0.5 else 4
        regions = rng.sample(SE_NUTS2, n)
        offers, seeks = _needs(n, rng)
        used: set[str] = set()
        members = []
        for i in range(n):
            member_themes = [theme]
            if rng.random() < 0.15:
                member_themes.append(w.pick([t for t in THEMES if t != theme]))
            s = spec(member_themes, tech, w.region(regions[i]), offers[i], seeks[i])
            s.wordings = w.wordings(tech, s.lang, used)
            used |= set(s.wordings)
            members.append(add(s, "member", group=k))
        members_of.append(members)
        planted.append(PlantedConsortium(tuple(m.id for m in members), theme, tech.key))
        for m in members:
            home = nuts2(m.region_code)
            twin = spec(
                sorted(sorted(m.themes), key=lambda t: t != theme),
                w.pick(free[theme]),
                _other_region(w, home),
                set(m.offers),
                set(m.seeks),
            )
            if rng.random() < 0.7:
                twin.kind = m.kind
            add(twin, "twin", group=k, mirror_of=m.id)
            away = w.pick([t for t in THEMES if t not in m.themes])
            extra_offer = set(rng.sample(CAPABILITIES, 1)) if rng.random() < 0.5 else set()
            comp_offers = set(m.seeks) | extra_offer
            comp_seeks = set(rng.sample([c for c in CAPABILITIES if c not in comp_offers], 2))
            if rng.random() < 0.5:
                comp_seeks = {min(comp_seeks)}
            add(
                spec([away], w.pick(free[away]), _other_region(w, home), comp_offers, comp_seeks),
                "off_theme",
                group=k,
                mirror_of=m.id,
            )

    # The noise.
    planted_themes = sorted(set(themes))
    for _ in range(noise):
        roll = rng.random()
        region = w.region(w.pick(SE_NUTS2))
        n_offers, n_seeks = _some_caps(rng)
        if planted and roll < 0.25:  # a sibling: planted theme, another technology
            theme = w.pick(planted_themes)
            add(spec([theme], w.pick(free[theme]), region, n_offers, n_seeks), "noise")
        elif planted and roll < 0.40:  # a namesake: shares a word with a planted technology
            target = w.pick(chosen)
            near = [t for th in THEMES for t in free[th] if _tokens(t) & _tokens(target)] or list(
                free[target.theme]
            )
            tech = w.pick(near)
            add(spec([tech.theme], tech, region, n_offers, n_seeks), "noise")
        elif roll < 0.50:  # a broad hub over several themes
            hub_themes = rng.sample(THEMES, rng.randint(3, 5))
            techs = [w.pick(free[t]) for t in hub_themes]
            hub_offers = n_offers | ({w.pick(CAPABILITIES)} - n_seeks)
            s = spec(hub_themes, techs[0], region, hub_offers, n_seeks)
            s.wordings = [w.pick(t.sv if s.lang == "sv" else t.en) for t in techs]
            listing = _join(s.wordings, s.lang)
            add(s, "noise", extra=[w.pick(HUB_SENTENCES[s.lang]).format(techs=listing)])
        elif roll < 0.62:  # a stub
            theme = w.pick(THEMES)
            s = spec([theme], w.pick(free[theme]), region, n_offers, n_seeks)
            need = w.pick(CAPABILITY_WORDS[w.pick(sorted(n_seeks))][s.lang])
            ask = "Söker" if s.lang == "sv" else "Looking for"
            forms = (
                f"{{name}}. {_cap(s.wordings[0])}. {ask} {need}.",
                f"{_cap(s.wordings[0])} – {{name}}, {s.place}.",
                f"{{name}}: {s.wordings[0]}. {ask} {need}.",
            )
            add(s, "noise", text=w.pick(forms))
        elif planted and roll < 0.72:  # disclaims a planted technology
            target = w.pick(chosen)
            theme = target.theme if rng.random() < 0.6 else w.pick(THEMES)
            s = spec([theme], w.pick(free[theme]), region, n_offers, n_seeks)
            other = w.pick(target.sv if s.lang == "sv" else target.en)
            note = w.pick(DISCLAIMERS[s.lang]).format(other=other, tech=s.wordings[0])
            add(s, "noise", extra=[note])
        elif planted and roll < 0.78:  # a peer: planted technology, needs that fit no member
            k = rng.randrange(len(planted))
            members = members_of[k]
            sought = set().union(*(m.seeks for m in members))
            offered = set().union(*(m.offers for m in members))
            can_offer = [c for c in CAPABILITIES if c not in sought]
            can_seek = [c for c in CAPABILITIES if c not in offered]
            if can_offer:
                peer_offers = set(rng.sample(can_offer, min(len(can_offer), rng.randint(1, 2))))
                left = [c for c in can_seek if c not in peer_offers]
                if left:
                    tech = chosen[k]
                    add(spec([tech.theme], tech, region, peer_offers, {w.pick(left)}), "noise")
                    continue
            theme = w.pick(THEMES)
            add(spec([theme], w.pick(free[theme]), region, n_offers, n_seeks), "noise")
        else:  # anything else
            theme = w.pick(THEMES)
            add(spec([theme], w.pick(free[theme]), region, n_offers, n_seeks), "noise")

    return finish(NAME, seed, drafts, planted, rng)
