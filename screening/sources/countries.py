"""Country names as the lists write them, mapped to ISO 3166-1 alpha-2 codes (lower case).

The lists spell countries in many ways ("Korea, North", "Democratic People's Republic of
Korea", "DPRK", "Iran (Islamic Republic of)", "Russia (former USSR)"). ``country_code``
folds case and punctuation and knows these variants; a name it does not know gives
``None`` rather than a guess, and the raw text stays in the entity's remarks.
"""

from __future__ import annotations

import re

# A code, then its names separated by "|" (a long one takes several lines). Variants seen
# in the OFAC, OFSI, UN and EU files are included; matching ignores case and punctuation.
_TABLE = """
ad Andorra
ae United Arab Emirates|UAE|U.A.E.|Emirates
af Afghanistan
ag Antigua and Barbuda
ai Anguilla
al Albania
am Armenia
ao Angola
aq Antarctica
ar Argentina
as American Samoa
at Austria
au Australia
aw Aruba
ax Aland Islands
az Azerbaijan
ba Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia
bb Barbados
bd Bangladesh
be Belgium
bf Burkina Faso
bg Bulgaria
bh Bahrain
bi Burundi
bj Benin
bl Saint Barthelemy
bm Bermuda
bn Brunei|Brunei Darussalam
bo Bolivia|Bolivia (Plurinational State of)|Plurinational State of Bolivia
bq Bonaire, Sint Eustatius and Saba
br Brazil
bs Bahamas|Bahamas, The|The Bahamas
bt Bhutan
bw Botswana
by Belarus|Belrus|Byelorussia|Belarusian SSR
bz Belize
ca Canada
cc Cocos (Keeling) Islands
cd Democratic Republic of the Congo|Congo, Democratic Republic of the
cd Congo (Democratic Republic)|Congo, The Democratic Republic of the|DR Congo|DRC|Zaire
cd Democratic Republic of Congo
cf Central African Republic|CAR
cg Congo|Republic of the Congo|Congo, Republic of the|Congo-Brazzaville|Congo (Republic)
ch Switzerland
ci Cote d'Ivoire|Cote d Ivoire|Ivory Coast|Côte d'Ivoire
ck Cook Islands
cl Chile
cm Cameroon
cn China|People's Republic of China|PRC
co Colombia
cr Costa Rica
cu Cuba
cv Cabo Verde|Cape Verde
cw Curacao|Curaçao
cx Christmas Island
cy Cyprus
cz Czechia|Czech Republic
de Germany|Federal Republic of Germany|German
dj Djibouti
dk Denmark
dm Dominica
do Dominican Republic
dz Algeria
ec Ecuador
ee Estonia
eg Egypt
eh Western Sahara
er Eritrea
es Spain
et Ethiopia
fi Finland
fj Fiji
fk Falkland Islands
fm Micronesia|Micronesia, Federated States of|Federated States of Micronesia
fo Faroe Islands
fr France
ga Gabon
gb United Kingdom|UK|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland
gb England|Scotland|Wales|Northern Ireland
gd Grenada
ge Georgia
gf French Guiana
gg Guernsey
gh Ghana
gi Gibraltar
gl Greenland
gm Gambia|The Gambia|Gambia, The
gn Guinea
gp Guadeloupe
gq Equatorial Guinea
gr Greece
gt Guatemala
gu Guam
gw Guinea-Bissau|Guinea Bissau
gy Guyana
hk Hong Kong|Hong Kong SAR|Hong Kong, China
hn Honduras
hr Croatia
ht Haiti
hu Hungary
id Indonesia
ie Ireland
il Israel
im Isle of Man|Man, Isle of
in India
iq Iraq
ir Iran|Iran (Islamic Republic of)|Islamic Republic of Iran|Iran, Islamic Republic of
is Iceland
it Italy
je Jersey
jm Jamaica
jo Jordan
jp Japan
ke Kenya
kg Kyrgyzstan|Kyrgyz Republic|Kyrgyz SSR
kh Cambodia
ki Kiribati
km Comoros
kn Saint Kitts and Nevis|St. Kitts and Nevis|St. Kitts & Nevis|St Kitts and Nevis
kp North Korea|Korea, North|Democratic People's Republic of Korea|DPRK
kp Korea, Democratic People's Republic of|Korea (Democratic People's Republic of)|D.P.R.K.
kr South Korea|Korea, South|Republic of Korea|Korea, Republic of|Korea
kw Kuwait
ky Cayman Islands
kz Kazakhstan|Kazakh SSR|Kazakh Soviet Socialist Republic
la Laos|Lao People's Democratic Republic|Lao PDR
lb Lebanon
lc Saint Lucia|St. Lucia
li Liechtenstein
lk Sri Lanka
lr Liberia
ls Lesotho
lt Lithuania
lu Luxembourg
lv Latvia
ly Libya|Libyan Arab Jamahiriya
ma Morocco
mc Monaco
md Moldova|Republic of Moldova|Moldova, Republic of|Repubic of Moldova|Moldovan SSR|Moldovan
me Montenegro
mf Saint Martin
mg Madagascar
mh Marshall Islands
mk North Macedonia|North Macedonia, The Republic of|Macedonia|Republic of North Macedonia
mk The former Yugoslav Republic of Macedonia
ml Mali
mm Burma|Myanmar
mn Mongolia
mo Macau|Macao|Macao, China
mp Northern Mariana Islands
mq Martinique
mr Mauritania
ms Montserrat
mt Malta
mu Mauritius
mv Maldives
mw Malawi
mx Mexico
my Malaysia
mz Mozambique
na Namibia
nc New Caledonia
ne Niger
nf Norfolk Island
ng Nigeria
ni Nicaragua
nl Netherlands|The Netherlands|Holland
no Norway
np Nepal
nr Nauru
nu Niue
nz New Zealand
om Oman
pa Panama
pe Peru
pf French Polynesia
pg Papua New Guinea
ph Philippines
pk Pakistan
pl Poland
pm Saint Pierre and Miquelon
pr Puerto Rico
ps Palestine|State of Palestine|Palestinian Territories|Occupied Palestinian Territories
ps Palestinian Territory, Occupied|West Bank|Gaza|Gaza Strip|Palestinian
pt Portugal
pw Palau
py Paraguay
qa Qatar
re Reunion
ro Romania
rs Serbia
ru Russia|Russian Federation|Russian|Russian SFSR|RSFSR
rw Rwanda
sa Saudi Arabia|Kingdom of Saudi Arabia
sb Solomon Islands
sc Seychelles
sd Sudan|Sundan
se Sweden
sg Singapore
sh Saint Helena
si Slovenia
sk Slovakia
sl Sierra Leone
sm San Marino
sn Senegal
so Somalia
sr Suriname
ss South Sudan
st Sao Tome and Principe|São Tomé and Príncipe
sv El Salvador
sx Sint Maarten
sy Syria|Syrian Arab Republic
sz Eswatini|Swaziland
tc Turks and Caicos Islands
td Chad
tg Togo
th Thailand
tj Tajikistan|Tajik SSR
tl Timor-Leste|East Timor
tm Turkmenistan
tn Tunisia
to Tonga
tr Turkey|Türkiye|Turkiye
tt Trinidad and Tobago
tv Tuvalu
tw Taiwan|Taiwan, Province of China
tz Tanzania|United Republic of Tanzania|Tanzania, United Republic of
ua Ukraine|Ukrainian SSR
ug Uganda
us United States|United States of America|USA|U.S.A.|US
uy Uruguay
uz Uzbekistan|Uzbek SSR
va Holy See|Vatican|Vatican City
vc Saint Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent and the Grenadines
ve Venezuela|Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela
vg British Virgin Islands|Virgin Islands, British
vi US Virgin Islands|Virgin Islands, U.S.
vn Vietnam|Viet Nam
vu Vanuatu
ws Samoa
xk Kosovo
ye Yemen
yt Mayotte
za South Africa
zm Zambia
zw Zimbabwe
"""

_NOT_LETTERS = re.compile(r"[^a-z0-9]+")
# "Russia (former USSR)", "Georgia (former USSR)", "Iraq (previous address)": the qualifier
# in brackets is dropped when the whole text is not itself a known name.
_BRACKETED = re.compile(r"\s*\([^)]*\)\s*")
_FORMER_NOW = re.compile(r"\b(?:now|currently)\b\s+(?:the\s+)?(.+)$", re.IGNORECASE)


def _fold(name: str) -> str:
    """Lower case, accents and punctuation folded away, "the" dropped: the lookup key."""
    text = name.lower().replace("ô", "o").replace("ç", "c").replace("ã", "a").replace("é", "e")
    text = text.replace("í", "i").replace("ü", "u")
    key = _NOT_LETTERS.sub(" ", text).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        code, names = line.split(" ", 1)
        index[code] = code
        for name in names.split("|"):
            index[_fold(name)] = code
    # Two-letter codes would make "in", "no", "to", "is" countries: keep only names,
    # plus the upper-case code the lists themselves sometimes use (checked in country_code).
    return {key: code for key, code in index.items() if len(key) > 2 or key in ("uk", "us")}


_INDEX = _build_index()
_CODES = frozenset(_INDEX.values())


def country_code(name: str | None) -> str | None:
    """The ISO-2 code (lower case) of a country name, or ``None`` when unknown."""
    if not name or not name.strip():
        return None
    text = name.strip().rstrip(".")
    if len(text) == 2 and text.isupper() and text.lower() in _CODES:
        return text.lower()
    key = _fold(text)
    if key in _INDEX:
        return _INDEX[key]
    now = _FORMER_NOW.search(text)
    if now:
        found = country_code(now.group(1).rstrip(")"))
        if found:
            return found
    unbracketed = _BRACKETED.sub(" ", text).strip()
    if unbracketed and unbracketed != text:
        return _INDEX.get(_fold(unbracketed))
    return None
