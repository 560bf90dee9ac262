/**
 * Given names that say whether "he" or "she" can refer to a person: a small, hand-written list
 * of names common in news across languages (English, Romance, Germanic, Nordic, Slavic, Greek,
 * Turkish, Arabic, Persian, South Asian, African). Names given to both sexes are left out, so
 * the list only ever rules a reading out when it is sure. Pronouns the article itself uses for
 * a person (speakers.ts) come first; this list is the fallback.
 */
import type { Gender } from './speech-cues.js';

const MALE = `
  aaron abdul abdullah abdelrahman adam adrian ahmad ahmed alan alberto aleksandr aleksei alessandro alex alexander alexandre alexei
  ali alistair alvaro álvaro amir anders andreas andrei andrew andrés andrzej angelo anthony antoine anton antonio arjun arkady
  arnaud arthur bartosz ben benjamin bernard björn bogdan boris brian bruno carl carlos charles chris christian christoph christopher
  claus colin conor craig daniel dario david davit dean declan denis dennis diego dimitri dimitris dmitry domenico donald dylan edward
  emmanuel enrique eric erik ernesto esteban étienne fabio farhad federico felipe felix fernando filip florian francesco francis
  francisco françois frank frederik gabriel gareth gary gennady george georgi giorgi giorgos giovanni giuseppe glen gordon graham
  gregory guillaume gustav hamid hans harald harry hassan heinrich hendrik henri henrik henry hugo hussein ian ibrahim igor ilya ion
  ioan ioannis ivan jack jacob jakob james jan jason javier jean jens jérôme joão joe joel johan johannes john jonas jonathan jorge
  josé joseph joost juan julian julien jürgen kai karim karl kenji klaus konstantin kostas krzysztof kwame lars laurent leon leonardo
  levan liam lorenzo louis luca lucas luis luka lukas magnus mahmoud manuel marc marcel marco marcus marek mario mark marko martin
  mateusz matteo matthew matthias maurice max maxim michael michał michel miguel mikhail mohammad mohammed muhammad mustafa nathan
  neil nicholas nicolas niels nigel nikita nikolai nikos nodar olaf oleg oliver omar orhan oscar otto pablo paolo patrick paul pavel
  pedro peter petr philip philippe pierre pieter piotr rafael rahim rajesh ramón raúl reza ricardo richard robert roberto rodrigo
  roman rui ruud ryan salvador samuel sanjay santiago sebastian sergei sergey sergio simon sindre sorin stanislav stavros stefan
  stephen steven sven taras thomas tim timothy tobias tom tomasz tony umar uwe valentin vasyl viktor vincent vladimir walter wang
  wilhelm william wojciech yannis yaroslav youssef yuri yusuf zaurbek
`;

const FEMALE = `
  adriana agnieszka aida aino alessandra alexandra alice alina alison amanda amina ana anastasia  angela angelika anita anja
  anke ann anna anne annika anouk antonia anya aoife asha astrid ayşe aylin barbara beata beatriz birgit brigitte camille carla
  carmen caroline catherine cecilia charlotte chiara christina christine claire clara claudia cristina dagmar dana daria deborah
  diana dolores dorota eka elena eleni elif elisa elisabeth elizabeth ella ellen elodie élodie emilia emily emma ewa fatima fatma
  federica fiona francesca françoise gabriela  galina giulia grace hanna hannah hannelore haruka heidi helen helena
  ingrid irene irina iryna isabel isabella isabelle jana jane janet jennifer jessica joanna johanna julia julie karen karin katarzyna
  katherine kathleen katrin katya laura lea leila lena linda lisa lotte louise lucia lucía lucy luisa lydia magdalena maja malgorzata
  małgorzata margaret margarethe maria marie marieke marina marisa marit marta martha maryam maya mette michelle mila miriam monika
  nadia nadezhda natalia natalie natalya nathalie nicole nina noor oksana olena olga olivia paola patricia paula petra pilar rachel
  rebecca renate rita rosa ruth sabine sandra sara sarah sharon silvia simone sofia sophie stefanie sunita susan susanne svetlana
  tamar tanja tatiana tatyana teresa ursula valentina valeria vanessa vera veronika victoria wanjiru yasmin yelena yulia zainab zofia
  zuzana
`;

function table(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((n) => n.length > 0));
}

const MALE_NAMES = table(MALE);
const FEMALE_NAMES = table(FEMALE);

/** The gender a given name marks, or null when the list does not know it or it is given to both. */
export function genderOfGivenName(name: string): Gender | null {
  const key = name.toLowerCase();
  const male = MALE_NAMES.has(key);
  const female = FEMALE_NAMES.has(key);
  if (male === female) return null;
  return male ? 'm' : 'f';
}
