// Written for this package: given names common in English-, German-, French-, Spanish-, Italian-, Dutch- and
// Portuguese-speaking countries, India, Turkey, the Arab world, Eastern Europe, China, Japan and Korea. Compact on
// purpose; the other rules (greetings, titles, initials, compromise) catch names not listed.
const NAMES = `
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry
austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert
willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene liam oliver lucas harry charlie
oscar leo archie tom tim bob ben sam dan jim joe mike nick alex chris kate katie liz beth jess jen
meg sue pat ed rob matt andy tony steve dave pete rick ken ron ted max flo jake luke josh zach nate freddie alfie theo finley owen callum connor rhys declan ciaran niall
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine
maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea
cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia
grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis
lori amelia ava mia isla poppy freya chloe ella lily sophie jessica holly ellie zoe ruby evie phoebe imogen siobhan
aoife niamh sinead
hans peter klaus jürgen juergen wolfgang stefan michael andreas thomas frank uwe dieter günter gunter horst helmut
werner gerhard manfred bernd karl heinz walter lukas leon finn jonas felix maximilian paul luca elias noah moritz
tobias florian sebastian matthias markus christoph dominik jan tim niklas philipp julian fabian marcel dennis sven
jens kai lars nils ole torsten ulrich volker rainer reinhard sabine ursula monika petra claudia andrea birgit susanne
karin renate gabriele brigitte heike ingrid christa anja nicole katrin stefanie julia lena lea leonie hannah sophie
marie mia emilie johanna laura katharina franziska jana lisa sarah vanessa jasmin nadine melanie sandra silke ute
jutta gisela hildegard greta frieda mathilda henrike annika maike wiebke anke elke dagmar
jean pierre michel philippe alain nicolas christophe patrick daniel bernard éric eric laurent frédéric frederic
stéphane stephane olivier david sébastien sebastien julien thierry pascal françois francois vincent antoine thomas
mathieu guillaume maxime hugo louis lucas gabriel arthur jules raphaël raphael théo theo baptiste clément clement
étienne etienne yves gérard gerard rené rene marie nathalie isabelle sylvie catherine françoise francoise valérie
valerie christine sandrine sophie céline celine véronique veronique stéphanie stephanie camille léa lea chloé chloe
manon inès ines jade louise zoé zoe élodie elodie aurélie aurelie amélie amelie juliette margaux mathilde hélène
helene brigitte monique odile geneviève genevieve
antonio manuel josé jose francisco juan david javier daniel carlos jesús jesus alejandro miguel rafael pedro pablo
ángel angel sergio fernando jorge luis alberto álvaro alvaro diego adrián adrian raúl raul enrique ramón ramon vicente
andrés andres joaquín joaquin santiago mateo hugo martín martin iker unai xavier jordi pau marc oriol maría carmen
josefa isabel dolores pilar teresa ana laura cristina marta antonia francisca lucía lucia mercedes rosa elena paula
raquel sara manuela concepción concepcion rocío rocio beatriz silvia patricia nuria alba irene andrea claudia marina
montserrat núria inmaculada esperanza alejandra valentina camila sofía sofia ximena guadalupe lupita fernanda daniela
gabriela mariana
giuseppe giovanni antonio mario luigi francesco angelo vincenzo pietro salvatore carlo franco domenico bruno paolo
michele giorgio aldo sergio luciano alessandro andrea lorenzo matteo leonardo riccardo gabriele tommaso edoardo
federico davide simone stefano marco massimo fabio roberto enrico emanuele giulio maria anna giuseppina rosa angela
giovanna teresa lucia carmela caterina francesca chiara giulia sofia aurora alice ginevra beatrice martina elisa
silvia valentina federica alessia eleonora serena paola elena roberta antonella daniela simona raffaella
jan pieter kees henk johannes cornelis willem hendrik gerrit dirk bram daan sem lars thijs ruben jeroen bas niels
joost maarten sander wouter koen stijn teun wim sjoerd femke anouk sanne lotte fleur marieke ingrid ilse yvonne
annelies esther mirjam noor saar tess evi lieke lisanne sophie
joão joao pedro tiago rafael gonçalo goncalo diogo rodrigo bruno ricardo miguel andré andre luís luis carlos paulo
fernando vitor vítor thiago gustavo felipe leonardo matheus guilherme lucas gabriel eduardo marcelo rodrigo leandro
maria ana beatriz mariana inês ines carolina joana catarina sofia rita sara leonor francisca juliana fernanda
camila larissa letícia leticia amanda bruna aline patrícia patricia vanessa adriana renata luana tatiana
aarav arjun rahul rohan amit ankit vikram ravi sanjay suresh rajesh ramesh anil sunil vijay deepak manoj arun karan
aditya siddharth nikhil pranav vivek priya ananya aishwarya pooja neha sneha kavya divya deepika shreya anjali sunita
lakshmi meera radha sita gita nisha ritu swati kiran
mohammed muhammad mohamed ahmed ahmad ali omar hassan hussein ibrahim yusuf youssef khalid mahmoud mustafa karim
tariq hamza bilal fatima aisha ayesha zainab mariam maryam layla leila nour noor yasmin salma amina khadija
mehmet mustafa ahmet emre burak murat can cem deniz elif ayşe ayse zeynep fatma emine merve esra
ivan dmitri dmitry sergei sergey vladimir alexei aleksandr nikolai andrei mikhail olga natasha natalia tatiana
svetlana irina elena ekaterina anastasia yulia oksana piotr paweł pawel krzysztof tomasz łukasz lukasz agnieszka
katarzyna małgorzata malgorzata magdalena joanna jakub wojciech marek petr jiří jiri eva jana lenka zsófia istván
wei jing li ming hui yan lei jun hong xiaoming xin yu hao chen yi lin mei ling
hiroshi takashi kenji yuki haruto ren sota yui aoi hina sakura yuto kenta akira naoko keiko yumi
min-jun seo-yeon ji-hoon ji-woo minji jisoo
mathis mathéo théo hugo jules raphaël raphael léo enzo clément antoine baptiste maxime quentin romain julien
guillaume mathilde camille léa lea manon chloé chloe inès ines louise clara juliette pauline marion élodie elodie
aurélie aurelie sophie céline celine claire nathalie isabelle sandrine
graça graca conceição conceicao fátima fatima joão joao gonçalo goncalo rui tiago thiago diogo duarte afonso
beatriz mariana leonor matilde carolina bruna larissa letícia leticia gabriela fernanda camila juliana
koen joris sander thijs ruben lars stijn niels pieter jeroen maarten wouter floris lotte fenna lieke anouk
rohit rahul amit ankit arjun vikram suresh ramesh rajesh mahesh sanjay vijay ajay deepak manish nikhil karan
anjali priya pooja neha sneha kavita sunita anita meera divya shreya aishwarya lakshmi radha
`;

/** Given names, lower-case, accents kept. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));

/**
 * Listed names that are also everyday words in one of the covered languages: alone they need more evidence (a
 * surname after them, a greeting or title before them) to be taken as a person.
 */
export const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = new Set(
  `will mark bill rose grace hope joy may june april summer sky rock victoria paris florence georgia virginia jordan
  austin chase hunter carol frank gary pat art bob dick drew faith iris ivy jack jean jade lily ruby ruth sandy
  amber crystal destiny dawn eve holly autumn pearl lane page dean earl king marshall rich sterling taylor
  rosa angela angel paz luz mar pilar sol dolores mercedes concepcion concepción esperanza rocío rocio
  fleur noor sanne esther wim bas koen ilse evi
  can deniz elif ali ren yu li lei jun hong lin mei hui yi min
  sara ana nur nour hans karin uwe heinz mia lea ole ute kai jan tim nils lisa marie
  paul peter louis hugo leo oscar max ray rene marc jules dieter
  china india lorenzo luca`
    .split(/\s+/)
    .filter(Boolean),
);
