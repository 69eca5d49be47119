// Written for this package: countries (English and native names), large and well-known cities, and regions, for
// the languages this package covers. compromise finds places not listed.
const PLACES = `
afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh belarus belgium bolivia
bosnia brazil brasil bulgaria cambodia cameroon canada chile china colombia croatia cuba cyprus czechia denmark
ecuador egypt estonia ethiopia finland france georgia germany ghana greece guatemala haiti honduras hungary iceland
india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kosovo kuwait latvia lebanon
libya lithuania luxembourg malaysia mali malta mexico moldova monaco mongolia montenegro morocco mozambique myanmar
nepal netherlands nicaragua nigeria norway pakistan panama paraguay peru philippines poland portugal qatar romania
russia rwanda senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan
tanzania thailand tunisia turkey türkiye uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe
england scotland wales deutschland österreich schweiz frankreich spanien italien niederlande belgien
españa espana italia francia alemania holanda países bajos nederland duitsland frankrijk spanje italië belgië
suisse allemagne espagne italie angleterre belgique pays-bas irlanda irlande
new york los angeles chicago houston phoenix philadelphia san antonio san diego dallas san jose austin
jacksonville san francisco columbus seattle denver boston nashville detroit portland las vegas memphis louisville
baltimore milwaukee albuquerque tucson atlanta miami minneapolis cleveland new orleans tampa pittsburgh cincinnati
orlando sacramento kansas city salt lake city honolulu anchorage brooklyn manhattan queens washington
toronto montreal montréal vancouver calgary ottawa edmonton winnipeg quebec québec halifax
london manchester birmingham liverpool leeds glasgow edinburgh bristol cardiff belfast sheffield newcastle
nottingham leicester brighton oxford cambridge southampton aberdeen dublin cork galway york bath
berlin hamburg münchen munich köln cologne frankfurt stuttgart düsseldorf dusseldorf dortmund essen leipzig bremen
dresden hannover nürnberg nuremberg duisburg bochum wuppertal bielefeld bonn münster mannheim karlsruhe augsburg
wiesbaden freiburg heidelberg potsdam rostock kiel lübeck mainz erfurt jena regensburg
wien vienna graz linz salzburg innsbruck zürich zurich genf geneva genève basel bern lausanne luzern lugano
paris marseille lyon toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims toulon grenoble dijon
angers nîmes nimes aix-en-provence brest tours amiens limoges clermont-ferrand perpignan metz besançon orléans
rouen caen nancy avignon cannes
madrid barcelona valencia sevilla seville zaragoza málaga malaga murcia palma bilbao alicante córdoba cordoba
valladolid vigo gijón gijon granada vitoria salamanca toledo san sebastián donostia santander pamplona cádiz
roma rome milano milan napoli naples torino turin palermo genova genoa bologna firenze florence bari catania
venezia venice verona messina padova padua trieste brescia parma modena perugia pisa siena bergamo como
amsterdam rotterdam den haag the hague utrecht eindhoven groningen tilburg almere breda nijmegen haarlem arnhem
leiden maastricht delft zwolle antwerpen antwerp bruxelles brussels brussel gent ghent brugge bruges liège leuven
lisboa lisbon porto braga coimbra faro funchal são paulo sao paulo rio de janeiro brasília brasilia salvador
fortaleza belo horizonte manaus curitiba recife porto alegre campinas florianópolis florianopolis
buenos aires córdoba rosario santiago lima bogotá bogota medellín medellin cali quito caracas montevideo
ciudad de méxico mexico city guadalajara monterrey puebla tijuana cancún cancun la paz asunción
mumbai delhi new delhi bangalore bengaluru hyderabad ahmedabad chennai kolkata pune jaipur lucknow kanpur nagpur
indore bhopal patna surat kochi goa chandigarh
tokyo osaka kyoto yokohama nagoya sapporo seoul busan beijing shanghai shenzhen guangzhou hong kong taipei
singapore bangkok hanoi manila jakarta kuala lumpur dubai abu dhabi doha riyadh istanbul ankara izmir
tel aviv jerusalem cairo casablanca marrakech tunis lagos nairobi johannesburg cape town accra addis ababa
sydney melbourne brisbane perth adelaide canberra hobart darwin auckland wellington christchurch
moscow moskau moscou saint petersburg kyiv kiev warsaw warszawa kraków krakow prague praha budapest bucharest
sofia athens athen thessaloniki belgrade zagreb ljubljana bratislava vilnius riga tallinn helsinki stockholm
oslo copenhagen københavn kopenhagen copenhague copenaghen gothenburg göteborg reykjavik
erlangen würzburg regensburg ingolstadt ulm heidelberg mannheim karlsruhe freiburg augsburg wiesbaden mainz
darmstadt kassel göttingen osnabrück oldenburg bielefeld paderborn münster aachen bonn krefeld wuppertal bochum
magdeburg erfurt jena rostock kiel lübeck potsdam chemnitz saarbrücken trier koblenz braunschweig wolfsburg
graz linz salzburg innsbruck klagenfurt basel bern berne lausanne lucerne luzern lugano winterthur
amersfoort apeldoorn enschede zaandam dordrecht zoetermeer leeuwarden deventer hilversum alkmaar venlo hengelo
mechelen namur charleroi mons hasselt kortrijk oostende ostend
montpellier rennes reims le havre saint-étienne toulon grenoble dijon angers nîmes nimes clermont-ferrand limoges
amiens metz besançon perpignan orléans orleans rouen caen nancy avignon cannes annecy la rochelle
alicante cordoba elche murcia palma oviedo almería almeria huelva jaén jerez badajoz logroño burgos
lleida tarragona girona cartagena marbella santiago de compostela
livorno ravenna rimini reggio emilia ferrara udine trento bolzano lecce salerno foggia cagliari sassari ancona
pescara taranto reggio calabria monza novara vicenza treviso
aveiro setúbal setubal évora evora viseu guimarães guimaraes sintra cascais amadora leiria
andheri bandra powai thane navi mumbai noida gurgaon gurugram ghaziabad faridabad howrah vadodara rajkot nashik
aurangabad visakhapatnam vijayawada coimbatore madurai mysuru mysore mangaluru mangalore thiruvananthapuram
trivandrum kozhikode dehradun shimla amritsar ludhiana varanasi agra allahabad prayagraj ranchi raipur
bhubaneswar guwahati jodhpur udaipur
lekki ikeja abuja ibadan kano port harcourt kumasi mombasa kampala dar es salaam kigali lusaka harare
bondi manly parramatta fremantle geelong gold coast wollongong
california texas florida new jersey pennsylvania ohio illinois michigan massachusetts virginia arizona colorado
oregon nevada utah bavaria bayern catalonia cataluña catalunya andalusia andalucía tuscany toscana lombardy
lombardia sicily sicilia sardinia provence brittany bretagne normandy normandie ontario british columbia alberta
queensland victoria new south wales kerala punjab maharashtra karnataka tamil nadu
`;

/** Place names, lower-case, multi-word names whole ("new york"). */
export const PLACES_LIST: readonly string[] = PLACES.split("\n").filter((l) => l.trim() !== "");

/** Words that end an organization's name. */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set(
  `inc inc. ltd ltd. llc llp plc corp corp. corporation co co. company gmbh ag kg ohg ug se sa s.a. sas sarl s.a.r.l.
  spa s.p.a. srl s.r.l. bv b.v. nv n.v. oy ab as a/s aps pty limited group holding holdings bank partners
  associates university universität université universidad università universiteit hospital infirmary klinikum clinic
  foundation stiftung institute institut labs technologies systems solutions consulting services realty health
  dental insurance capital media studio studios logistics construction trading traders airlines motors pharma
  energy foods school college academy lda ltda s.l. sl eireli hospitals clinics avocats abogados advogados
  avvocati advocaten associés asociados associados associati söhne fils hijos figli zonen filhos sohn jsc pjsc
  ojsc bhd tbk kk schools kliniek klinik clinique clínica clinica sons cie hermanos irmãos fratelli
  kft zrt nyrt bt kkt oyj ky asa ans aps hb kb uab ad doo dd sro vos eurl sasu sca snc scop vof bvba cvba vzw pvt
  pte sdn pllc gbr mbh kgaa gmbh&co şti aktiebolag gruppe gruppen groep grupa
  trust supplies hardware plumbing lettings vets stores textiles textil tekstil telekom telecom meubelen
  bakery pharmacy surgery practice analytics trains airways railways electric electronics software ventures
  industries enterprises properties estates builders mutual laboratories laboratory lab diagnostics physio exports
  imports distributors association society cooperative ülikool tehnikaülikool unibertsitatea seura palloseura
  urheiluseura yhdistys osuuskunta sacco egyetem üniversitesi derneği vakfı kooperatifi universitetas gimnazija
  licėjus licėjaus universitāte ikastola tafel verein sportverein genossenschaft сургууль емхана поликлиника
  больница университет колледж`.split(/\s+/),
);

/** Words that start an organization's name ("Bank of X", "University of Y"). */
export const ORG_HEADS: ReadonlySet<string> = new Set(
  `bank university universität université universidad università universiteit hospital banco banca stadtwerke
  ministry ministerium ministère ministerio ministero gemeente ayuntamiento comune mairie stadt hôpital hospital ospedale ziekenhuis klinik clínica clinica
  universidade escola école colegio liceo grupo gruppo groupe sciences klinikum krankenhaus universitätsklinikum seguros assicurazioni versicherung
  verzekeringen assurances distribuciones construcciones costruzioni notariskantoor advocatenkantoor kanzlei
  apotheke farmacia pharmacie apotheek autohaus hotel hôtel albergo clínica clinique kliniek policlinico
  stichting fundación fondazione fondation fundação studio hausverwaltung
  universitas universitet uniwersytet univerzita univerzitet yliopisto egyetem hochschule fachhochschule
  politecnico politechnika instituto istituto trattoria ristorante pizzeria osteria restaurant restaurante
  bäckerei panadería padaria radiologie lægehuset legesenter vårdcentral vårdcentralen apteekki apotek
  farmácia ótica óptica ottica ferretería supermercado librería banque sparkasse volksbank stadtverwaltung
  landratsamt finanzamt jobcenter gemeinde prefeitura municipalidad kommune puskesmas ceip ies lycée collège
  escuela scuola grundschule gymnasium kita fc sv tsv vfb vfl ifk club clube klub hostel motel pousada
  agence agencia agenzia fahrschule autoescuela physio fisioterapia poliambulatorio éditions editorial
  basisschool förskolan förskola skolan grundskola børnehuset børnehaven børnehave barnehagen barnehage
  tannlegesenteret tannlegekontor tandlægeklinik tandläkarmottagning dierenkliniek dierenartsenpraktijk
  préfecture préfet yayasan sekolah sd smp sma smk brf zakład
  urząd przedszkole szkoła poradnia przychodnia szpital escola colégio ayuntamiento junta diputación consorcio
  caisse crédit mutuelle kancelaria kancelář nemocnice poliklinika kórház rendelő iskola óvoda
  okul hastane hastanesi bankası sigorta laboratorio laboratoire labor centrum spółdzielnia stowarzyszenie fundacja
  heilsugæslan heilsugæsla legesenteret legekontoret prifysgol ysgol clwb cyngor ollscoil scoil coláiste cumann
  universitat ajuntament sveučilište bolnica universitatea spitalul primăria cervejaria cervecería grêmio
  associação asociación associazione association cooperativa sindicato igreja iglesia parroquia parrocchia
  distribuidora ong cabinet rumah koperasi`.split(/\s+/),
);
