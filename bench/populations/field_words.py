"""The `field` generator's own words: how Swedish and English cluster organisations, test
beds and research institutes name their themes, technologies and capabilities on their web
pages and in partner-search profiles. Written for this generator alone; the structured
fields use the vocabulary slugs, the descriptions these phrases."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Technology:
    en: tuple[str, ...]  # the first English form is the canonical name
    sv: tuple[str, ...]

    @property
    def canonical(self) -> str:
        return self.en[0]

    def forms(self, language: str) -> tuple[str, ...]:
        return self.sv if language == "sv" else self.en


def _tech(en: tuple[str, str], sv: tuple[str, str]) -> Technology:
    return Technology(en, sv)


# Per theme: phrases that fit "in ...", "for ...", "inom ...", "kring ...".
THEME_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "life-science": {
        "en": ("life science", "the life science sector", "biotech and pharma"),
        "sv": ("life science", "läkemedel och bioteknik", "life science-sektorn"),
    },
    "health-care": {
        "en": ("health and social care", "healthcare", "care and welfare technology"),
        "sv": ("vård och omsorg", "hälso- och sjukvården", "välfärdsteknik"),
    },
    "food": {
        "en": ("the food sector", "the food industry", "food and drink production"),
        "sv": ("livsmedel", "livsmedelsindustrin", "mat- och dryckesproduktion"),
    },
    "offshore": {
        "en": ("the maritime sector", "offshore and marine industries", "the blue economy"),
        "sv": ("maritima näringar", "havsbaserad industri", "den blå ekonomin"),
    },
    "aerospace": {
        "en": ("aerospace", "aviation and space", "the space industry"),
        "sv": ("flyg och rymd", "rymdindustrin", "flyg- och rymdsektorn"),
    },
    "textiles": {
        "en": ("the textile sector", "fashion and textiles", "the textile industry"),
        "sv": ("textil och mode", "textilindustrin", "textilier"),
    },
    "ict": {
        "en": ("ICT", "digitalisation", "software and digital services"),
        "sv": ("IT och digitalisering", "digitalisering", "mjukvara och digitala tjänster"),
    },
    "bioeconomy": {
        "en": ("the bioeconomy", "forest-based industries", "bio-based value chains"),
        "sv": ("bioekonomi", "skogsnäringen", "biobaserade värdekedjor"),
    },
    "advanced-manufacturing": {
        "en": ("advanced manufacturing", "the manufacturing industry", "smart production"),
        "sv": ("avancerad tillverkning", "tillverkningsindustrin", "smart produktion"),
    },
    "energy": {
        "en": ("the energy sector", "the energy transition", "renewable energy systems"),
        "sv": ("energi", "energiomställningen", "förnybara energisystem"),
    },
    "circular-economy": {
        "en": ("the circular economy", "recycling and reuse", "resource efficiency"),
        "sv": ("cirkulär ekonomi", "återvinning och återbruk", "resurseffektivitet"),
    },
    "urban-development": {
        "en": (
            "sustainable urban development",
            "smart and sustainable cities",
            "the built environment",
        ),
        "sv": ("hållbar stadsutveckling", "smarta och hållbara städer", "samhällsbyggnad"),
    },
}

# For actor names: an English word and the first part of a Swedish compound per theme.
THEME_NAME_WORDS: dict[str, tuple[str, str]] = {
    "life-science": ("Life Science", "Biomedicin"),
    "health-care": ("Health Tech", "Vård"),
    "food": ("Food", "Livsmedels"),
    "offshore": ("Maritime", "Havs"),
    "aerospace": ("Space", "Rymd"),
    "textiles": ("Textile", "Textil"),
    "ict": ("Digital", "Digital"),
    "bioeconomy": ("Forest", "Skogs"),
    "advanced-manufacturing": ("Production", "Produktions"),
    "energy": ("Energy", "Energi"),
    "circular-economy": ("Circular", "Återbruks"),
    "urban-development": ("Urban", "Stads"),
}

# Real NACE Rev. 2.1 divisions and groups an actor on the theme would register.
THEME_NACE: dict[str, tuple[str, ...]] = {
    "life-science": ("21", "32.5"),
    "health-care": ("86", "87"),
    "food": ("10", "11"),
    "offshore": ("50", "30.1"),
    "aerospace": ("30.3", "51"),
    "textiles": ("13", "14"),
    "ict": ("62", "61"),
    "bioeconomy": ("02", "16", "17"),
    "advanced-manufacturing": ("25", "28"),
    "energy": ("35",),
    "circular-economy": ("38", "39"),
    "urban-development": ("41", "71"),
}
RESEARCH_NACE = "72"  # scientific research and development: what an RDI platform registers

# Six technologies per theme, each in two English and two Swedish wordings.
TECHNOLOGIES: dict[str, tuple[Technology, ...]] = {
    "life-science": (
        _tech(("biobanking", "biobank infrastructure"), ("biobanker", "biobanksinfrastruktur")),
        _tech(
            ("cell and gene therapy", "advanced cell therapies"),
            ("cell- och genterapi", "avancerade cellterapier"),
        ),
        _tech(
            ("antibody engineering", "therapeutic antibodies"),
            ("antikroppsutveckling", "terapeutiska antikroppar"),
        ),
        _tech(
            ("point-of-care diagnostics", "rapid diagnostic tests"),
            ("patientnära diagnostik", "snabbtester för diagnostik"),
        ),
        _tech(
            ("microbiome research", "microbiome-based products"),
            ("mikrobiomforskning", "mikrobiombaserade produkter"),
        ),
        _tech(
            ("radiopharmaceuticals", "radioligand therapy"), ("radiofarmaka", "radioligandterapi")
        ),
    ),
    "health-care": (
        _tech(
            ("remote patient monitoring", "home monitoring of patients"),
            ("distansmonitorering av patienter", "vård på distans"),
        ),
        _tech(
            ("fall detection sensors", "fall sensors for older people"),
            ("fallsensorer", "sensorer för fallupptäckt"),
        ),
        _tech(
            ("rehabilitation robotics", "robot-assisted rehabilitation"),
            ("rehabiliteringsrobotik", "robotstödd rehabilitering"),
        ),
        _tech(
            ("medication dispensing robots", "automated medicine dispensers"),
            ("läkemedelsrobotar", "automatiska läkemedelsdispensrar"),
        ),
        _tech(
            ("clinical decision support", "decision support systems for clinicians"),
            ("kliniskt beslutsstöd", "beslutsstödssystem för vården"),
        ),
        _tech(
            ("dementia care technology", "assistive technology for people with dementia"),
            ("demensteknik", "hjälpmedel för personer med demens"),
        ),
    ),
    "food": (
        _tech(
            ("plant-based proteins", "plant protein ingredients"),
            ("växtbaserade proteiner", "vegetabiliska proteiningredienser"),
        ),
        _tech(
            ("precision fermentation", "fermentation-derived ingredients"),
            ("precisionsfermentering", "fermenterade ingredienser"),
        ),
        _tech(
            ("food packaging", "packaging solutions for food"),
            ("livsmedelsförpackningar", "förpackningslösningar för livsmedel"),
        ),
        _tech(
            ("aquaponics", "combined fish and vegetable farming"),
            ("akvaponi", "kombinerad fisk- och grönsaksodling"),
        ),
        _tech(
            ("shelf-life extension", "technologies for longer shelf life"),
            ("hållbarhetsförlängning", "teknik för längre hållbarhet"),
        ),
        _tech(
            ("insect protein", "insect farming for feed and food"),
            ("insektsprotein", "insektsodling för foder och livsmedel"),
        ),
    ),
    "offshore": (
        _tech(
            ("floating wind foundations", "floating offshore wind platforms"),
            ("flytande vindkraftsfundament", "flytande havsvindplattformar"),
        ),
        _tech(
            ("autonomous vessels", "unmanned surface ships"),
            ("autonoma fartyg", "obemannade ytfartyg"),
        ),
        _tech(
            ("underwater robotics", "remotely operated underwater vehicles"),
            ("undervattensrobotik", "fjärrstyrda undervattensfarkoster"),
        ),
        _tech(
            ("seaweed farming", "cultivation of macroalgae"), ("tångodling", "odling av makroalger")
        ),
        _tech(
            ("shore power", "onshore power supply for ships"),
            ("landström", "elanslutning av fartyg i hamn"),
        ),
        _tech(("wave energy converters", "wave power"), ("vågkraftverk", "vågkraft")),
    ),
    "aerospace": (
        _tech(("small satellites", "CubeSats"), ("småsatelliter", "kubsatelliter")),
        _tech(
            ("sounding rockets", "suborbital launches"),
            ("sondraketer", "suborbitala uppskjutningar"),
        ),
        _tech(("electric aircraft", "electric aviation"), ("elflygplan", "elflyg")),
        _tech(
            ("drone traffic management", "unmanned traffic management"),
            ("drönartrafikledning", "trafikledning för drönare"),
        ),
        _tech(
            ("composite airframe structures", "lightweight composites for aircraft"),
            ("kompositstrukturer för flygplan", "lättviktskompositer för flyg"),
        ),
        _tech(
            ("earth observation", "satellite imagery services"),
            ("jordobservation", "tjänster baserade på satellitbilder"),
        ),
    ),
    "textiles": (
        _tech(("smart textiles", "e-textiles"), ("smarta textilier", "e-textil")),
        _tech(
            ("textile-to-textile recycling", "fibre recycling of used garments"),
            ("textilåtervinning", "fiberåtervinning av begagnade kläder"),
        ),
        _tech(
            ("digital textile printing", "inkjet printing on fabric"),
            ("digitaltryck på textil", "textiltryck med bläckstråleteknik"),
        ),
        _tech(
            ("wool processing", "Nordic wool value chains"),
            ("ullförädling", "nordiska ullvärdekedjor"),
        ),
        _tech(
            ("3D weaving", "three-dimensional woven preforms"),
            ("3D-vävning", "tredimensionellt vävda förformer"),
        ),
        _tech(
            ("cellulose-based fibres", "regenerated cellulose fibres"),
            ("cellulosabaserade fibrer", "regenererade cellulosafibrer"),
        ),
    ),
    "ict": (
        _tech(
            ("edge computing", "computing at the network edge"),
            ("kantdatorberäkning", "edge-beräkningar"),
        ),
        _tech(
            ("industrial cybersecurity", "security for industrial control systems"),
            ("industriell cybersäkerhet", "säkerhet för industriella styrsystem"),
        ),
        _tech(("private 5G networks", "campus 5G"), ("privata 5G-nät", "lokala 5G-nätverk")),
        _tech(
            ("digital twins", "digital twin platforms"),
            ("digitala tvillingar", "plattformar för digitala tvillingar"),
        ),
        _tech(("quantum computing", "quantum algorithms"), ("kvantdatorer", "kvantalgoritmer")),
        _tech(
            ("language technology", "natural language processing"),
            ("språkteknologi", "automatisk språkbehandling"),
        ),
    ),
    "bioeconomy": (
        _tech(
            ("lignin valorisation", "lignin-based products"),
            ("ligninförädling", "ligninbaserade produkter"),
        ),
        _tech(("biochar", "biochar production"), ("biokol", "produktion av biokol")),
        _tech(("cross-laminated timber", "CLT construction"), ("korslimmat trä", "KL-trä")),
        _tech(
            ("forest biorefineries", "wood-based biorefining"),
            ("skogsbaserade bioraffinaderier", "bioraffinering av skogsråvara"),
        ),
        _tech(
            ("nanocellulose", "cellulose nanofibrils"),
            ("nanocellulosa", "cellulosananofibriller"),
        ),
        _tech(
            ("precision forestry", "sensor-based forest management"),
            ("precisionsskogsbruk", "sensorbaserat skogsbruk"),
        ),
    ),
    "advanced-manufacturing": (
        _tech(
            ("metal additive manufacturing", "3D printing in metal"),
            ("additiv tillverkning i metall", "3D-printning i metall"),
        ),
        _tech(
            ("collaborative robots", "cobots"),
            ("samarbetande robotar", "kollaborativa robotar"),
        ),
        _tech(
            ("machine vision inspection", "camera-based quality inspection"),
            ("maskinseende för kvalitetskontroll", "kamerabaserad kvalitetskontroll"),
        ),
        _tech(("laser welding", "laser-based joining"), ("lasersvetsning", "laserbaserad fogning")),
        _tech(
            ("powder metallurgy", "pressed and sintered components"),
            ("pulvermetallurgi", "pressade och sintrade komponenter"),
        ),
        _tech(
            ("predictive maintenance", "condition monitoring of machines"),
            ("prediktivt underhåll", "tillståndsövervakning av maskiner"),
        ),
    ),
    "energy": (
        _tech(
            ("hydrogen electrolysis", "electrolysers for green hydrogen"),
            ("vätgaselektrolys", "elektrolysörer för grön vätgas"),
        ),
        _tech(
            ("battery cell production", "lithium-ion battery cells"),
            ("battericellstillverkning", "litiumjonceller"),
        ),
        _tech(
            ("district heating", "fourth-generation district heating"),
            ("fjärrvärme", "fjärde generationens fjärrvärme"),
        ),
        _tech(
            ("building-integrated solar", "solar cells integrated in facades"),
            ("byggnadsintegrerade solceller", "solceller integrerade i fasader"),
        ),
        _tech(
            ("smart grids", "flexible local power grids"),
            ("smarta elnät", "flexibla lokala elnät"),
        ),
        _tech(("heat pumps", "large heat pumps"), ("värmepumpar", "stora värmepumpar")),
    ),
    "circular-economy": (
        _tech(
            ("battery recycling", "recovery of battery metals"),
            ("batteriåtervinning", "återvinning av batterimetaller"),
        ),
        _tech(
            ("plastic sorting", "sorting of mixed plastic waste"),
            ("plastsortering", "sortering av blandat plastavfall"),
        ),
        _tech(
            ("remanufacturing", "refurbishing of used components"),
            ("återtillverkning", "renovering av begagnade komponenter"),
        ),
        _tech(
            ("reuse of building materials", "salvaged construction materials"),
            ("återbruk av byggmaterial", "återbrukat byggmaterial"),
        ),
        _tech(
            ("industrial symbiosis", "exchange of residual flows between industries"),
            ("industriell symbios", "utbyte av restflöden mellan industrier"),
        ),
        _tech(
            ("phosphorus recovery", "nutrient recovery from sludge"),
            ("fosforåtervinning", "återvinning av näringsämnen ur slam"),
        ),
    ),
    "urban-development": (
        _tech(
            ("nature-based stormwater management", "rain gardens for stormwater"),
            ("naturbaserad dagvattenhantering", "regnbäddar för dagvatten"),
        ),
        _tech(("mobility hubs", "shared mobility hubs"), ("mobilitetshubbar", "mobilitetsnoder")),
        _tech(
            ("city logistics", "urban freight consolidation"),
            ("citylogistik", "samlastning av gods i staden"),
        ),
        _tech(
            ("energy renovation of buildings", "deep retrofits of housing"),
            ("energirenovering av byggnader", "energieffektiviserande renovering av bostäder"),
        ),
        _tech(("green roofs", "sedum roofs"), ("gröna tak", "sedumtak")),
        _tech(
            ("urban air quality sensing", "low-cost air quality sensors"),
            ("luftkvalitetsmätning i städer", "billiga luftkvalitetssensorer"),
        ),
    ),
}


@dataclass(frozen=True)
class CapabilityWords:
    offer: tuple[str, ...]  # what an actor has: fits "we offer ...", "vi erbjuder ..."
    seek: tuple[str, ...]  # what an actor lacks: fits "we are looking for ...", "vi söker ..."
    area: tuple[str, ...]  # the field itself: fits "experience of ...", "sökes inom ..."


CAPABILITY_PHRASES: dict[str, dict[str, CapabilityWords]] = {
    "research": {
        "en": CapabilityWords(
            ("applied research", "research groups at the forefront", "R&D capacity"),
            ("academic research capacity", "scientific expertise", "a research group to work with"),
            ("research", "R&D"),
        ),
        "sv": CapabilityWords(
            ("tillämpad forskning", "forskargrupper i framkant", "FoU-kapacitet"),
            (
                "akademisk forskningskapacitet",
                "vetenskaplig kompetens",
                "en forskargrupp att samarbeta med",
            ),
            ("forskning", "FoU"),
        ),
    },
    "testbed": {
        "en": CapabilityWords(
            ("test beds", "pilot facilities", "a full-scale demonstration site", "a living lab"),
            (
                "access to test facilities",
                "a pilot site",
                "a place to test and demonstrate at full scale",
            ),
            ("testing and demonstration", "piloting and validation"),
        ),
        "sv": CapabilityWords(
            (
                "testbäddar",
                "pilotanläggningar",
                "en fullskalig demonstrationsmiljö",
                "ett living lab",
            ),
            (
                "tillgång till testmiljöer",
                "en pilotanläggning",
                "en plats att testa och demonstrera i full skala",
            ),
            ("test och demonstration", "pilotering och validering"),
        ),
    },
    "prototyping": {
        "en": CapabilityWords(
            ("rapid prototyping", "a prototype workshop", "proof-of-concept builds"),
            (
                "help building prototypes",
                "prototyping capacity",
                "someone to turn concepts into working prototypes",
            ),
            ("prototyping", "prototype development"),
        ),
        "sv": CapabilityWords(
            ("snabb prototypframtagning", "en prototypverkstad", "framtagning av demonstratorer"),
            (
                "hjälp att bygga prototyper",
                "prototypkapacitet",
                "någon som kan göra koncept till fungerande prototyper",
            ),
            ("prototyputveckling", "prototyper"),
        ),
    },
    "manufacturing": {
        "en": CapabilityWords(
            ("production capacity", "contract manufacturing", "industrial-scale production lines"),
            (
                "a manufacturing partner",
                "production capacity",
                "someone who can produce in larger volumes",
            ),
            ("manufacturing", "industrial production"),
        ),
        "sv": CapabilityWords(
            ("produktionskapacitet", "legotillverkning", "produktionslinjer i industriell skala"),
            (
                "en tillverkningspartner",
                "produktionskapacitet",
                "någon som kan tillverka i större volymer",
            ),
            ("tillverkning", "industriell produktion"),
        ),
    },
    "design": {
        "en": CapabilityWords(
            ("industrial design", "service design", "user-centred design"),
            ("design expertise", "an industrial designer", "help with the user experience"),
            ("design", "user-centred design"),
        ),
        "sv": CapabilityWords(
            ("industridesign", "tjänstedesign", "användarcentrerad design"),
            ("designkompetens", "en industridesigner", "hjälp med användarupplevelsen"),
            ("design", "formgivning"),
        ),
    },
    "market-access": {
        "en": CapabilityWords(
            ("market access", "export support", "contacts with buyers and procurers"),
            ("routes to market", "access to international customers", "a distribution partner"),
            ("market access", "commercialisation and export"),
        ),
        "sv": CapabilityWords(
            ("marknadstillträde", "exportstöd", "kontakter med köpare och upphandlare"),
            (
                "vägar ut på marknaden",
                "kontakter med internationella kunder",
                "en distributionspartner",
            ),
            ("marknadstillträde", "kommersialisering och export"),
        ),
    },
    "sme-network": {
        "en": CapabilityWords(
            (
                "a network of some 200 SMEs",
                "direct contact with our member companies",
                "a broad base of small and medium-sized firms",
            ),
            (
                "SMEs willing to take part",
                "small companies as pilot customers",
                "a network of small and medium-sized enterprises",
            ),
            ("SME engagement", "company networks"),
        ),
        "sv": CapabilityWords(
            (
                "ett nätverk med ett par hundra små och medelstora företag",
                "direktkontakt med våra medlemsföretag",
                "en bred bas av små och medelstora företag",
            ),
            (
                "små och medelstora företag som vill delta",
                "småföretag som pilotkunder",
                "ett nätverk av små och medelstora företag",
            ),
            ("småföretagsnätverk", "företagsnätverk"),
        ),
    },
    "training": {
        "en": CapabilityWords(
            ("training programmes", "courses for industry", "skills development"),
            (
                "training for our staff",
                "help upskilling the workforce",
                "courses for our members' employees",
            ),
            ("training", "skills development"),
        ),
        "sv": CapabilityWords(
            ("utbildningsprogram", "kurser för näringslivet", "kompetensutveckling"),
            (
                "utbildning för vår personal",
                "hjälp att kompetensutveckla medarbetarna",
                "kurser för medlemsföretagens anställda",
            ),
            ("utbildning", "kompetensförsörjning"),
        ),
    },
    "financing": {
        "en": CapabilityWords(
            ("access to seed funding", "an investor network", "innovation vouchers"),
            ("funding", "investors", "venture capital", "co-financing", "capital to scale up"),
            ("financing", "investment"),
        ),
        "sv": CapabilityWords(
            ("tillgång till såddfinansiering", "ett investerarnätverk", "innovationscheckar"),
            (
                "finansiering",
                "investerare",
                "riskkapital",
                "medfinansiering",
                "kapital för att skala upp",
            ),
            ("finansiering", "kapitalanskaffning"),
        ),
    },
    "regulatory": {
        "en": CapabilityWords(
            ("regulatory advice", "support with certification", "help with CE marking"),
            (
                "regulatory expertise",
                "help with certification",
                "someone who knows the approval process",
            ),
            ("regulatory affairs", "standards and certification"),
        ),
        "sv": CapabilityWords(
            ("regulatorisk rådgivning", "stöd vid certifiering", "hjälp med CE-märkning"),
            (
                "regulatorisk kompetens",
                "hjälp med certifiering",
                "någon som kan godkännandeprocessen",
            ),
            ("regelverk", "standardisering och certifiering"),
        ),
    },
    "data": {
        "en": CapabilityWords(
            ("data analytics", "a shared data platform", "large curated data sets"),
            ("data analytics skills", "access to data", "a data platform"),
            ("data and analytics", "data science"),
        ),
        "sv": CapabilityWords(
            ("dataanalys", "en gemensam dataplattform", "stora kvalitetssäkrade datamängder"),
            ("kompetens inom dataanalys", "tillgång till data", "en dataplattform"),
            ("data och analys", "datavetenskap"),
        ),
    },
}

# Swedish counties (NUTS-3) by NUTS-2 region, with the short name people use.
COUNTIES: dict[str, dict[str, str]] = {
    "SE11": {"SE110": "Stockholm"},
    "SE12": {
        "SE121": "Uppsala",
        "SE122": "Sörmland",
        "SE123": "Östergötland",
        "SE124": "Örebro",
        "SE125": "Västmanland",
    },
    "SE21": {"SE211": "Jönköping", "SE212": "Kronoberg", "SE213": "Kalmar", "SE214": "Gotland"},
    "SE22": {"SE221": "Blekinge", "SE224": "Skåne"},
    "SE23": {"SE231": "Halland", "SE232": "Västra Götaland"},
    "SE31": {"SE311": "Värmland", "SE312": "Dalarna", "SE313": "Gävleborg"},
    "SE32": {"SE321": "Västernorrland", "SE322": "Jämtland"},
    "SE33": {"SE331": "Västerbotten", "SE332": "Norrbotten"},
}
