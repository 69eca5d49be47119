// Written for this package: frequent family names across the covered languages, used to confirm a candidate
// (an all-caps token, a name after an initial) and never to flag a word alone.
const NAMES = `
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson
thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young
allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts
evans turner phillips parker collins edwards stewart morris murphy cook rogers morgan cooper peterson reed bailey
bell kelly howard ward cox richardson wood watson brooks bennett gray james hughes price sanders patel shah singh
kumar sharma gupta khan ahmed ali hussain chen wang zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo lin
kim park choi jung kang cho yoon jang lim tanaka suzuki takahashi watanabe ito yamamoto nakamura kobayashi sato
müller mueller schmidt schneider fischer weber meyer meier wagner becker schulz hoffmann schäfer schaefer koch
bauer richter klein wolf schröder schroeder neumann schwarz zimmermann braun krüger krueger hofmann hartmann lange
schmitt werner schmitz krause lehmann köhler koehler maier huber mayer fuchs vogel keller jung
martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent lefebvre michel garcia david
bertrand roux vincent fournier morel girard andré lefèvre mercier dupont lambert bonnet françois martinez legrand
garnier faure rousseau blanc guerin muller henry roussel nicolas perrin morin mathieu clement gauthier dumont
lopez fontaine chevalier robin
garcía fernández fernandez gonzález rodríguez lópez martínez sánchez pérez gómez gomez martín jiménez jimenez ruiz
hernández díaz diaz moreno muñoz munoz álvarez alvarez romero alonso gutiérrez gutierrez navarro torres domínguez
vázquez vazquez ramos gil ramírez serrano blanco molina morales suárez suarez ortega delgado castro ortiz rubio
marín sanz iglesias medina garrido cortés castillo santos lozano guerrero cano prieto méndez cruz calvo gallego
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti de luca mancini costa
giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli martini leone
longo gentile martinelli vitale lombardo serra coppola de santis d'angelo marchetti parisi villa conte ferraro
de jong jansen de vries van den berg van dijk bakker janssen visser smit meijer de boer mulder de groot bos vos
peters hendriks van leeuwen dekker brouwer de wit dijkstra smits de graaf van der meer van der linden kok jacobs
de haan vermeulen van den heuvel van der veen van den broek de bruijn de bruin van der heijden schouten
silva santos ferreira pereira oliveira costa rodrigues martins jesus sousa fernandes gonçalves goncalves gomes
lopes marques alves almeida ribeiro pinto carvalho teixeira moreira correia mendes nunes soares vieira monteiro
cardoso rocha neves coelho cruz cunha pires ramos reis simões simoes antunes matos fonseca machado araújo araujo
barbosa lima souza nascimento
yilmaz kaya demir şahin sahin çelik celik yıldız yildiz yıldırım öztürk ozturk aydın aydin özdemir arslan doğan
ivanov smirnov kuznetsov popov sokolov lebedev kozlov novak nowak kowalski wiśniewski wisniewski wójcik wojcik
kowalczyk kamiński kaminski lewandowski zieliński zielinski szymański dvořák novotný horváth nagy kovács tóth
o'brien o'connor o'neill murphy kelly byrne ryan walsh mccarthy gallagher doherty kennedy lynch murray quinn
`;

/** Family names, lower-case, accents kept; multi-word ones ("van dijk") are kept whole. */
export const SURNAMES: ReadonlySet<string> = new Set(
  NAMES.split("\n")
    .flatMap((line) => line.match(/(?:(?:de|van|der|den|d'|da|o')\s?)*[\p{L}'-]+/gu) ?? [])
    .map((n) => n.trim()),
);
