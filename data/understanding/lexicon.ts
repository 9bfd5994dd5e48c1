// The words people use around a label question, in French and English, folded ("c'est" → c est), grouped by what
// they signal. Matched as whole words or phrases at a position, never as substrings ("aide" ≠ "aidez-moi à…").
// Everything here is vocabulary, not a place name: a window made only of these words is never taken as a place
// unless it is the whole message ("Sens", "Nice", "Tours").
import type { Mention } from '../mentions.ts';

export type Cue =
  | 'level' | 'history' | 'palmares' | 'labelled' | 'ten' | 'tenElig' | 'apply' | 'how' | 'when' | 'about' | 'labelName'
  | 'notif' | 'notifStop' | 'notifStart' | 'notifOnly' | 'notifAll' | 'notifShow'
  | 'appStart' | 'possessiveApp' | 'declare' | 'my' | 'we' | 'pageNext' | 'pagePrev'
  | 'help' | 'greeting' | 'thanks' | 'followUp' | 'prep' | 'epci' | 'latest' | 'lastYear' | 'thisYear'
  | 'editionWord' | 'yearWord' | 'mentionWord' | 'count' | 'applyInfo' | 'meaning' | 'why' | 'role' | 'declareLead' | 'becomeIt' | 'candidature' | 'vocative' | 'listWord' | 'tenList' | 'relShift' | 'ours' | 'absent' | 'thatOne' | 'arobase' | 'compare' | 'whoList' | 'placeWord' | 'question' | 'ever' | 'times'
  | `mention:${Mention}`;

const P: [Cue, string][] = [
  ['level', 'notre niveau|mon niveau|our level|my level|notre niveau actuel|leur niveau|their level|nivo|nivau|nivaux|nivo de|nivx|lvl|la note|sa note|leur note|niveau|niveaux|level|levels|note|notee|score|rating|rated|rate|grade|etoiles|stars|statut|status|classe|classee|ranked|palier|where does|ou en est|how is|how did|did it get|niv|lvl|combien d arobases|combien d @|combien de @|how many arobases|how many @'],
  ['meaning', 'existent|exist|exists|what kinds of|quels types de|quelles sortes de|quelles sont les|quels sont les|quelles sont|quels sont|differ|differs|difference between|how do they differ|what exactly|mean exactly|difference|differences|différence|distinguer|difference between|ca recompense|recompense quoi|ca recompense quoi|c est pour quoi|ca concerne quoi|what does it reward|rewards what|what is rewarded|c koi|c est koi|cest koi|ca veut dire koi|veut dire|veulent dire|ca veut dire|signifie|signifient|signification|mean|means|meaning|correspond|correspondent|c est quoi|cest quoi|c quoi|qu est ce que|qu est ce qu|definition|what is|what are|what s|whats|what does|kesako'],
  ['why', 'interet|interets|l interet|avantage|avantages|benefit|benefits|pourquoi|why|the point|a quoi sert|a quoi ca sert|ca sert a quoi|what for|le but|purpose|goal|objectif|objectifs|ca apporte quoi|what does it bring|valeur ajoutee|utilite|worth it|ca vaut le coup'],
  ['role', 'mediatrice|mediateur|bibliothecaire|librarian|stagiaire|intern|maire|maires|mayor|adjoint|adjointe|adjoints|deputy|conseiller|conseillere|conseillers|councillor|councilor|elu|elue|elus|elues|agent|agente|dgs|dga|secretaire|secretary|charge|chargee|responsable|directeur|directrice|director|officer|clerk|manager|head|employee|member|membre|chef|cheffe|president|presidente|vice|technicien|technicienne|redacteur|redactrice|communication|com|numerique|digital|mission'],
  ['becomeIt', 'le devenir|la devenir|become one|become it|get it|l obtenir|l avoir|y arriver|y pretendre'],
  ['candidature', 'candidature'],
  ['relShift', 'l annee d apres|l annee suivante|the year after|the following year|l edition suivante|l edition d apres|the next year|l annee d avant|l annee precedente|the year before|the previous year|l edition precedente|l edition d avant|celle d avant|celle d apres|the one before|the one after'],
  ['absent', 'apparait pas|n apparait|n apparait pas|n apparaissons pas|apparaissons pas|apparaissent pas|n apparaissent pas|ne figure pas|ne figurons pas|figure pas|figurons pas|pas dans le palmares|pas au palmares|n est pas dans|not in the|missing from|aren t listed|isn t listed|not listed|not on the list|don t appear|doesn t appear|absent|absente|absents|oublie|oubliee|oublies|forgotten'],
  ['thatOne', 'celle de|celui de|celle du|celui du|celle d|celui d|celle en|celui en|celle dans|celui dans|the one in|the one from|celle qui est|celui qui est'],
  ['count', 'cb|cmb|cbn|combien d|kombien|combien|how many|how much|nombre de|number of'],
  ['arobase', '@|arobase|arobases|arobas|arrobase|arrobases|arobaz|arobace|arrobas|aerobase|aerobases|at sign|at signs'],
  ['labelled', 'labellise|labellisee|labellises|labellisees|labelise|labelisee|labelises|labelisees|labelled|labeled|labellisation|labelisation|certified|certifiee|certifie|distinguee|distingue|recompensee|recompense|primee|prime|awarded|obtenu|obtenue|obtained|got|a eu|a obtenu|has|have'],
  ['history', 'quelles annees|which years|quelles editions|which editions|all the years|took part|has taken part|have taken part|par le passe|in the past|les annees ou|what labels|which labels|quels labels|labels we have had|have we had|had before|avons eus|avons eu quels|eus avant|obtenus avant|what have we had|anciens resultats|resultats anciens|vieux resultats|historical|historic|past ratings|antecedents|antecedent|tous les millesimes|toutes les editions|all editions|every edition|all years|each year|first get|first got|how has it done|done since|premier label|first label|depuis quand|retracer|retrace|retracez|distinctions passees|labels passes|niveaux passes|resultats passes|l ensemble de ses|annees d avant|les annees d avant|niveaux passes|labels passes|resultats passes|previous labels|previous levels|earlier labels|earlier years|les autres annees|other years|avant ca|before that|labels precedents|ses labels precedents|precedents|precedentes|evolved|evolve|evolue t elle|past|past results|resultats passes|previous results|previous awards|au cours des annees|au fil du temps|over time|historique|historiques|history|evolution|evolue|parcours|depuis quand|depuis le debut|since when|au fil des ans|au fil des annees|over the years|chaque annee|toutes les annees|tous les ans|every year|annees precedentes|previous years|past years|past labels|precedents labels|anciens labels|tous ses labels|tous leurs labels|all its labels|all their labels|all labels|tous les labels|track record|chronologie|retrospective|trajectoire|progression|depuis le temps|years running|a toujours eu|a toujours ete|toujours eu|toujours ete|always had|always been|has always|depuis combien de temps|depuis combien d annees|anciens labels|labels anciens'],
  ['ever', 'deja participe|participe avant|a deja participe|ont deja participe|have they ever|has it ever|participe avant|deja participe|already taken part|taken part|participated|deja|ever|already|auparavant'],
  ['times', 'plusieurs fois|a chaque fois|how often|combien de fois|combien de fois|how many times'],
  ['palmares', 'palmares|palmare|palmarès|laureats|laureat|laureates|laureate|awards|award|awardees'],
  ['listWord', 'resultats|resultat|results|result|winners|winner|liste|list|listes|lists|classement|classements|ranking|rankings|promotion|promo|podium|selection|tableau|recap|overview'],
  ['whoList', 'labellises|labellisees|labelises|labelisees|labelled towns|labelled ones|labeled towns|qui a|qui ont|qui sont|qui est|quelles communes|quelles villes|quelles collectivites|quels territoires|quelles intercos|quelles intercommunalites|quels epci|which towns|which cities|which communes|which municipalities|which councils|which territories|who got|who has|who have|who are|who is|who won|les labellises|les labellisees|les villes|les communes|les collectivites|les territoires|the towns|the cities|towns|cities|municipalities|councils|combien de communes|combien de villes|combien de collectivites|how many towns|how many communes|how many cities|every town'],
  ['mentionWord', 'mention|mentions|titre|title|distinction|distinctions|prix special|trophee|trophees'],
  ['tenList', 'territoires d excellence numerique|territoires d excellence|territoires excellence numerique|tens|les ten|the tens|all tens|territories of digital excellence|digital excellence territories|liste des ten|list of tens'],
  ['ten', 'territoire d excellence numerique|territoires d excellence numerique|territoire d excellence|territoires d excellence|excellence numerique|territoire excellence numerique|territoires excellence numerique|ten|tens|t e n|digital excellence|territory of digital excellence|territories of digital excellence|digital excellence territory|digital excellence territories|excellence'],
  ['tenElig', 'assez|enough|suffisamment|pour etre|to be|towards|vers|pour devenir|to become|eligible|eligibles|eligibilite|eligibility|peut elle|peut il|peuvent ils|peut on|pourrait|pourrions|pourraient|devenir|deviendra|become|becoming|obtenir|get it|qualify|qualifies|qualified|critere|criteres|criterion|criteria|condition|conditions|requirement|requirements|faut il|il faut|que faut|manque|manquent|missing|reste|left|pretendre|acceder|prochain|next|chances|how far|loin|atteindre|reach|combien de 5|how many 5'],
  ['apply', 'who sits|qui siege|qui sont les membres du jury|who is on the jury|who are the members|members of the jury|membres du jury|jury|taking part|takes part|participating|participate|inscrit|s inscrit|on s inscrit|s inscrire|inscrivent|inscrivez|pour avoir le label|avoir le label|obtenir le label|obtient le label|get the label|get labelled|get labeled|getting the label|etre labellise|etre labellisee|etre labellises|devenir labellise|devenir labellisee|s y prend|on s y prend|s y prendre|candidater|candidature|candidatures|candidat|candidats|postuler|participer|participation|participe|inscrire|inscription|inscriptions|s inscrire|apply|applying|application|applications|apply for|join|joining|take part|sign up|register|registration|dossier|dossiers|fiches actions|fiche action|fiches action|questionnaire|adhesion|adherer|adherent|adhere|membership|deposer|depot|envoyer notre|submit our'],
  ['applyInfo', 'comment obtenir|comment avoir|comment faire|how to get|how do we get|how can we get|how can a|how do i get|ceremonie|ceremony|remise|compose|composition|membres du jury|qui compose|frais|payer|paye|cotisation|cotiser|adhesion|combien ca coute|ca coute|how much does it cost|cout d inscription|tarif|tarifs|cout|coute|prix|gratuit|payant|cost|fee|fees|free|price|demarche|demarches|etapes|steps|process|procedure|procedures|date limite|deadline|calendrier|calendar|timeline of the|when does|actions|action|documents|document|pieces|justificatifs|submit|soumettre|envoyer|prises en compte|pris en compte'],
  ['how', 'comment|how|quelle demarche|quelles etapes|what steps|what do we need|que faut il|faut il|on fait comment|on doit|must we|do we need|est ce que je peux|can we|can i|peut on|pouvons nous|pourrions nous'],
  ['when', 'dater|datent|dates|anciennete|how old|how recent|quand|when|date|dates|a quelle date|quel jour|periode|delai|delais|ouverture|ouvert|ouverte|open|opens|closing|clôture|cloture|until|jusqu'],
  ['about', 'statut juridique|financement|finance par|qui finance|who funds|funded|entreprise privee|c est l etat|public ou prive|what exactly is|c est quoi exactement|qu est ce que c est exactement|c est quoi ce label|en quoi|apporte|apporte t il|valeur|qui est derriere|qui se cache derriere|who is behind|who s behind|derriere|behind|correspond|correspondent|correspondre|combien de niveaux|how many levels|les niveaux du label|levels of the label|getting labelled|the point|le but|objectif|objectifs|goal|purpose|existe|exists|depuis quand existe|qui sont|c est qui|who are you|c est quoi|cest quoi|c quoi|qu est ce que|qu est ce qu|quest ce que|kesako|what is|what s|whats|what are|explain|explique|expliquer|expliquez|explication|a quoi sert|a quoi servent|ca sert a quoi|sert a quoi|what for|what s the point|the point of|presente|presentez|presentation|signifie|signifient|signification|veut dire|veulent dire|ca veut dire|mean|means|meaning|definition|about the label|about this label|interet|interets|avantage|avantages|benefit|benefits|pourquoi|why|who runs|qui organise|qui gere|qui decerne|qui attribue|who awards|who gives|organise|organisateur|organizer|fonctionne|works|how does the label|origine|created|cree|creation'],
  ['labelName', 'vi|villes internet label|the villes internet label|asso|l asso|une asso|association villes internet|villes internet c est|label villes internet|villes internet|ville internet|label territoires villes et villages internet|territoires villes et villages internet|villes et villages internet|label ttvi|ttvi|association villes internet|l association|association|le reseau|reseau|network|the network|label internet|ce label|le label|the label|this label|un label|le label internet'],
  ['notif', 'prevenez moi|prevenez|previens moi|avertissez moi|m abonner|abonnez moi|tenez moi au courant|vos messages|vos mails|vos emails|your messages|your emails|ces messages|ces mails|des messages|les messages|tes messages|m envoyer des|me sending|abonnez moi|abonne moi|subscribe me|nouveautes|news|nouvelles|infos du reseau|send me|remets les|remettez les|reactive les|reactivez les|turn them back on|put them back|switch them back on|filtre|filtres|filter|filters|filtrer|desabonnement|abonnement|reabonnement|notification|notifications|notif|notifs|alerte|alertes|alert|alerts|abonnement|abonnements|abonne|abonnee|subscription|subscriptions|subscribed|newsletter|annonces|annonce|announcements|prevenir|prevenu|prevenue|previens|avertir|avertissement|tenir au courant|tenez moi au courant|informer|informe|informee|notify|notified|notifie|notifiee|notifier|keep me posted|keep me updated|updates|pings|ping'],
  ['notifStop', 'veux plus|veut plus|plus recevoir|plus jamais|arrete de m envoyer|arretez de m envoyer|stop sending|stop sending me|no longer|desabonnement|desabonne moi|desabonnez moi|arreter|arrete|arretez|stop|stopper|stoppe|plus de|ne plus|desactiver|desactive|couper|coupe|suspendre|suspends|pause|desabonner|desabonne|desinscrire|desinscris|unsubscribe|opt out|turn off|switch off|disable|mute|no more|don t want|dont want|do not want|ne veux plus|n en veux plus|marre|trop de|too many|silence'],
  ['notifStart', 'reabonnez moi|reabonnez|reabonne moi|reabonner|reabonnement|get notified|be notified|want to be notified|want notifications|tenez moi informe|tenez moi informee|je veux etre prevenu|je veux etre prevenue|keep me informed|s inscrire|inscrire|m inscrire|inscription|sign me up|signing up|etre prevenu|etre prevenue|etre notifie|etre notifiee|send me|envoyez moi|envoie moi|abonne moi|abonnez moi|abonne|reabonne|reabonnement|remets|remettez|remet|remets les|remettez les|reactive les|turn them back on|put them back|back|de retour|reprendre|reactiver|reactive|activer|active|relancer|remettre|recevoir|resubscribe|subscribe|abonner|m abonner|resume|restart|turn on|switch on|enable|back on|start|again|a nouveau|de nouveau'],
  ['notifOnly', 'que ce qui concerne|recevoir que|ne recevoir que|je ne veux recevoir que|veux recevoir que|que ce qui touche|only what concerns|only about|seulement|uniquement|only|juste|just|que pour|que les|que le|que la|exclusivement|limiter|limite|restreindre'],
  ['notifAll', 'toutes regions|toutes les regions|all regions|tous les departements|all departements|every region|tout le territoire|territoire national|tout le territoire national|plus de filtre|sans filtre|aucun filtre|no filter|remove the filter|toute la france|partout en france|toute la france|tout le reseau|toutes les notifications|tous les territoires|partout|all of france|whole network|the whole network|everywhere|all areas|all notifications|tout le pays|whole country|all regions|toutes les regions'],
  ['notifShow', 'je suis abonne|je suis abonnee|suis je bien abonne|est ce que je suis abonne|est ce que je suis abonnee|am i subscribed|am i signed up|ai je des notifications|quels sont mes reglages|mes preferences|my preferences|what am i subscribed to|mes notifications|mes reglages|mes parametres|reglages|parametres|mes abonnements|settings|preferences|my notifications|my settings|quelles notifications|what notifications|which notifications|what do i receive|qu est ce que je recois|je recois quoi|suis je abonne|suis je abonnee|am i subscribed|abonne a quoi'],
  ['appStart', 'commencer|commence|demarrer|demarre|debuter|remplir|remplis|rempli|saisir|saisie|reprendre|reprends|reprend|continuer|continue|poursuivre|ouvrir|ouvre|finir|finaliser|completer|start|resume|continue|fill|fill in|fill out|open|begin|finish|complete|lancer|lance|je veux candidater|on veut candidater|nous voulons candidater|je souhaite candidater|we want to apply|i want to apply|let s apply|c est parti|go'],
  ['possessiveApp', 'ma candidature|notre candidature|mon dossier|notre dossier|my application|our application|nos fiches|mes fiches|notre questionnaire|mon questionnaire|la candidature de ma commune|la candidature de notre commune|la saisie|le questionnaire|le formulaire|formulaire|form'],
  ['declareLead', 'je suis|j suis|chui|i am|i m|we are|we re|nous sommes|on est|je travaille|je bosse|i work'],
  ['declare', 'je vous indique ma ville|je vous indique ma commune|voici ma commune|voici ma ville|here is my town|this is my town|je vous donne ma commune|rattachement|rattacher|rattache moi|rattachez moi|rattachez nous|attach me to|i m based in|based in|i m located in|set it as my|as my home town|my home town|set as my town|je suis base a|je suis basee a|comme ma commune|comme ma ville|comme notre commune|comme mon territoire|comme ma collectivite|as my town|as my city|as my municipality|as our town|is my town|is our town|est ma commune|est notre commune|c est ma commune|c est notre commune|ma ville c est|ma ville c|notre ville c est|mon village c est|ma collectivite c est|notre commune c est|i m with|i am with|i m the|i am the|i m in charge|i am in charge|i work at|i work for|we re from|we are from|i m at|je suis chez|je suis a la mairie|je travaille a la mairie|je travaille pour|je travaille a|je suis en charge|ma commune est|ma ville est|mon village est|ma collectivite est|mon territoire est|mon interco est|mon epci est|notre commune est|notre ville est|notre collectivite est|notre territoire est|ma commune c est|ma commune c|ma commune :|my town is|my city is|my village is|my municipality is|my council is|our town is|our city is|je suis maire|je suis le maire|je suis la maire|je suis elu|je suis elue|je suis adjoint|je suis adjointe|je suis conseiller|je suis conseillere|je suis agent|je suis agente|je suis dgs|je suis dga|je suis secretaire|je suis charge|je suis chargee|je suis responsable|je suis directeur|je suis directrice|je suis le dgs|je suis la dgs|je travaille|je bosse|j habite|je represente|je viens de|i m the mayor|i am the mayor|i am mayor|i m mayor|i m a|i am a|i m an|i am an|i live in|i represent|i m from|i am from|change ma commune|changer ma commune|changer de commune|modifier ma commune|set my town|change my town|enregistre ma commune|retiens|retenez|note que|notez que|remember|je suis maire de'],
  ['my', 'notre classement|notre note|nos arobases|notre score|nos resultats|notre resultat|our rating|our score|our ranking|our result|our results|our labels|our arobases|my commune|our commune|my community|my local council|our local council|ma commune|ma ville|mon village|ma collectivite|mon territoire|mon interco|mon intercommunalite|mon epci|ma mairie|ma municipalite|notre commune|notre ville|notre village|notre collectivite|notre territoire|notre interco|notre intercommunalite|notre epci|notre mairie|notre municipalite|chez nous|nos labels|notre label|mon label|notre niveau|mon niveau|our level|my level|my town|my city|my village|my municipality|my council|my territory|our town|our city|our village|our municipality|our council|our territory|our local authority|my local authority|notre communaute|ma communaute'],
  ['ours', 'notre|nos|our'],
  ['we', 'on n est|on n a|on n etait|on etait|on avait|on a eu|nous etions|nous avons|we were|we re not|we are not|were we|have we|did we|we did|on peut|qu on|on pourrait|pouvons nous|can we|could we|do we|are we|we have|est ce qu on|nous pouvons|nous|we|us|on a|on est|sommes nous|avons nous|on en est|on se situe|we have|we got|are we|do we'],
  ['pageNext', 'suivant|suivante|suivants|suivantes|suite|la suite|les autres|autres|encore|voir plus|afficher plus|montre plus|montrez plus|plus de resultats|next|more|show more|see more|the rest|others|the others|continue la liste|page suivante|next page|d autres'],
  ['pagePrev', 'retour a la page precedente|retour a la page|retour en arriere|retour arriere|reviens|revenir en arriere|en arriere|retour en arriere|page d avant|go back|back to the previous|precedent|precedente|precedents|page precedente|previous|prev|previous page|revenir|go back|back|avant'],
  ['help', 'je comprends pas|je ne comprends pas|i don t understand|exemples de questions|des exemples de questions|examples of questions|example questions|montrer des exemples|show me examples|savez faire|sais faire|vous savez faire|tu sais faire|questions auxquelles|en mesure de repondre|repondre a quoi|what questions can you answer|what can you help with|que pouvez vous faire|que pouvez vous faire pour moi|que peux tu faire pour moi|what can you do for me|how can you help|comment pouvez vous m aider|comment peux tu m aider|tu peux m aider|vous pouvez m aider|quelles questions|te poser|vous poser|je peux te poser|je peux vous poser|what questions|what kind of questions|quel genre de questions|que puis je vous demander|qu est ce que je peux vous demander|je peux vous demander quoi|que peut on vous demander|que puis je te demander|qu est ce que je peux te demander|je peux te demander quoi|que peut on te demander|what can i ask|what can i ask you|what do you know|what can you answer|tu reponds a quoi|comment ca marche ce bot|aide|aidez moi|help|help me|menu|que sais tu faire|que peux tu faire|tu sais faire quoi|tu fais quoi|tu sers a quoi|a quoi tu sers|qu est ce que tu sais faire|qu est ce que tu peux faire|comment ca marche|comment tu marches|comment t utiliser|comment vous utiliser|mode d emploi|fonctionnalites|commandes|what can you do|what do you do|how does it work|how do you work|how to use|commands|features|options|sos|au secours|je suis perdu|je suis perdue|i m lost|aide moi'],
  ['greeting', 'bonjour|bonsoir|salut|coucou|hello|hi|hey|good morning|good afternoon|good evening|bjr|slt|yo|hola|re|rebonjour|hi there|hello there|bonjour a vous|bonjour arobase|hello arobase'],
  ['thanks', 'helpful|very helpful|that s helpful|utile|tres utile|ca m aide|super utile|remercie|remercions|je vous remercie|je te remercie|remerciements|thank you very much|much appreciated|appreciated|thank you so much|thanks a lot|merci bcp|top merci|merci infiniment|many thanks|thanks so much|merci|merci beaucoup|merci bien|mille mercis|thanks|thank you|thank u|thx|ty|cheers|top|super|parfait|genial|excellent|nickel|cool|ok merci|ok thanks|great|perfect|awesome|bravo|impeccable|tres bien|parfait merci|c est note|noted|got it|merci pour l info|merci pour la reponse'],
  ['followUp', 'idem|pareil|same|meme chose|la meme|le meme|et|and|what about|how about|et pour|and for|et pour la|et du cote de|et cote|pareil pour|idem pour|meme chose pour|la meme chose pour|same for|same question for|same thing for|et sinon|and also|et aussi|et concernant|concernant|regarding|as for|quant a|et chez|and in|et en|and at'],
  ['prep', 'de|du|des|d|a|au|aux|pour|sur|chez|of|for|in|at|about|on|concernant|regarding|about|la commune de|la ville de|le village de|la commune d|la ville d|commune de|ville de|village de|commune d|ville d|town of|city of|village of|municipality of|the town of|the city of'],
  ['epci', 'cc|ca|cu|cdc|cda|cdg|comcom|com com|agglo|agglomeration|communaute de communes|communaute d agglomeration|communaute d agglo|communaute urbaine|communaute|metropole|metro|eurometropole|intercommunalite|interco|epci|community of communes|urban community|agglomeration community|metropolis|metropolitan'],
  ['latest', 'en vigueur|actuellement en vigueur|in force|valid now|dernier palmares|le dernier palmares|dernier label|derniere edition|la derniere edition|derniers resultats|le plus recent|la plus recente|plus recent|plus recente|recent|recents|actuel|actuelle|actuellement|current|currently|latest|most recent|newest|last awards|the last one|le dernier|la derniere|en ce moment|maintenant|aujourd hui|now|today|right now|at the moment|cette annee ci'],
  ['lastYear', 'n 1|annee n 1|l an dernier|l annee derniere|l an passe|l annee passee|annee derniere|an dernier|last year|the year before|l annee d avant|il y a un an|a year ago'],
  ['thisYear', 'cette annee|this year|cette annee ci|l annee en cours|cette saison'],
  ['editionWord', 'label|labels|edition|editions|millesime|millesimes|vintage|cru|session|campagne|round|edition du label|eme label|e label'],
  ['yearWord', 'en|in|annee|year|pour|for|du|de|of|depuis|since'],
  ['compare', 'compare|comparer|comparaison|versus|vs|contre|ou bien|par rapport'],
  ['placeWord', 'places|place|lieux|endroits|areas|area|commune|communes|ville|villes|village|villages|town|towns|city|cities|municipalite|municipality|mairie|collectivite|collectivites|territoire|territoires|territory|territories|departement|departements|dept|dep|region|regions|france|french|council|local authority|local authorities|authority|cedex'],
  ['question', 'koi|kel|kelle|kels|kelles|est ce que|est ce qu|est elle|est il|a t elle|a t il|ont ils|is|are|does|do|did|has|have|can|could|would|will|quel|quelle|quels|quelles|what|which|who|qui|que|quoi|ou|where'],
  ['mention:arobase-verte', 'arobase verte|arobases vertes|arobase vert|@ verte|@ vert|green arobase|green arobases|green @|green at sign|arobase ecologique|mention verte|mention ecologie|transition ecologique|ecological transition|eco arobase'],
  ['mention:democratie-locale', 'democratie locale|local democracy|mention democratie|participation citoyenne|democratie participative'],
  ['mention:mediation-numerique', 'mediation numerique|digital mediation|digital inclusion|inclusion numerique|mention mediation'],
  ['mention:numerique-educatif', 'numerique educatif|digital education|educational digital|education numerique|numerique a l ecole|mention educative|numerique scolaire'],
];

/**
 * Plain words that carry no meaning for the bot (politeness, pronouns, verbs of asking) — never a place on their
 * own, and not "something else" that would make a lone place name less certain.
 */
export const FILLER: ReadonlySet<string> = new Set((
  'le la les l un une des du de d au aux a et ou en dans par sur sous avec sans ce cet cette ces c ca cela ceci  ' +
  'est es suis sommes etes sont etait etaient ete sera serait soit avoir ai as avons avez ont avait avaient  ' +
  'aurait eu eue t il elle ils elles on nous vous je j tu te toi moi me m mon ma mes ton ta tes son sa ses  ' +
  'notre nos votre vos leur leurs qui que qu quoi quel quelle quels quelles quand comment pourquoi combien ne n  ' +
  'pas plus tres bien bon bonne svp stp sil s plait plaît merci beaucoup bonjour bonsoir salut coucou please  ' +
  'pls plz thanks thank dear madame monsieur mme mr mlle cordialement avance pourriez pourrais pourrait pouvez  ' +
  'peux peut voudrais voudrait voulons veux veut voulais savoir connaitre dire dis dites donner donne donnez  ' +
  'montrer montre montrez afficher affiche indiquer indique indiquez rappeler rappelez rappelle chercher  ' +
  'cherche trouver trouve aimerais aimerions souhaite souhaiterais souhaitons si oui non ok okay alors donc  ' +
  'aussi deja actuel actuelle maintenant aujourd hui exactement vraiment info infos information informations  ' +
  'renseignement renseignements question questions petite petit rapide rapidement vite besoin urgent hello hi  ' +
  'hey the an of for in at to is are was were be been being has have had do does did what which who whom how  ' +
  'when where why can could would should will shall may might must i my we our us you your it its this that  ' +
  'these those there here tell show give find know let check about some any much many more most very really  ' +
  'just also yes no not like want wanted need wondering curious quick kindly sir madam lol mdr bref voila voilà  ' +
  'hum euh bah ben hmm ah oh eh fait concernant sujet propos niveau tout tous toute toutes meme mêmes autre  ' +
  'autres encore sais savez connais connaissez moment regarde regarder voir vu lu lire tiens tenez allez vas  ' +
  'aller faire fais faites chose truc machin ici y été etre être seront serons jamais toujours depuis avant  ' +
  'apres après pendant entre vers chez pour contre selon parmi grace grave trop genre ouf wesh frere bro mec  ' +
  'precieuse precieux infiniment max maximum minimum min environ approx approximativement doit doivent dois  ' +
  'devons devez devoir faut ceux celles celle celui eux lui ci finalement plutot coup sinon actually rather  ' +
  'instead hier yesterday demain tomorrow full complet complete entier entiere entire whole detail details  ' +
  'detaille detaillee bot chatbot robot assistant bcp tt so elus elu elue elues maires agents membres adherents  ' +
  'point journee cdt again still yet re poser demander teams utilise utiliser utilisez premiere fois dispo disponible  ' +
  'disponibles exactly basically precisely symbols symbol signs sign entrance panneau panneaux enter entering  ' +
  'dedans french'
).split(/\s+/).filter(Boolean));

/**
 * Common words of chat messages (French and English) that are no place, even misspelt-looking: a word here is never
 * looked up as a misspelt commune name (« seul », « heure »). They still count as content: « combien d'habitants à
 * Lyon ? » is not a label question. Notable communes (5,000 inhabitants or more) are left out of this list.
 */
export const NOT_PLACE: ReadonlySet<string> = new Set((
  'code insee postal cp postcode zip siren numero ' +
  'heure heures jour jours semaine semaines mois moment instant temps matin soir nuit midi lundi mardi mercredi  ' +
  'jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre  ' +
  'decembre chose choses truc trucs machin gens personne personnes monde homme femme enfant enfants famille ami  ' +
  'amis collegue collegues travail boulot bureau service services equipe equipes reunion reunions dossier  ' +
  'dossiers projet projets rapport rapports article articles journal presse site web sites lien liens courrier  ' +
  'lettre conseil municipal municipale municipaux conseillers hotel administration public publique publics  ' +
  'habitant habitants population citoyens citoyen usagers usager probleme problemes idee idees avis envie  ' +
  'raison cause cas exemple exemples thing things people'
).split(/\s+/).filter(Boolean));

/** Common words that carry no subject (verbs, adjectives, adverbs of chat): filler, and never a place either. */
const COMMON_FILLER = (
  'seul seule seuls seules unique uniquement premier premiere dernier derniere derniers dernieres nouveau  ' +
  'nouvelle nouveaux nouvelles ancien ancienne anciens anciennes vieux vieille jeune petit petite petits  ' +
  'petites grand grande grands grandes gros grosse bon bonne bons bonnes mauvais mauvaise meilleur meilleure  ' +
  'meilleurs pire vrai vraie faux fausse possible impossible important importante necessaire utile simple  ' +
  'facile difficile rapide lent long longue court courte haut haute bas basse an ans annee annees fois page  ' +
  'mail mails email message messages maire mairie ville collectivite agents elu elus savoir connaitre  ' +
  'comprendre voir regarder chercher trouver donner prendre mettre faire dire parler demander repondre ecrire  ' +
  'lire aller venir partir rester passer arriver entrer sortir tenir garder perdre gagner laisser suivre vivre  ' +
  'croire penser sembler paraitre vouloir pouvoir devoir falloir aimer preferer esperer attendre essayer  ' +
  'commencer continuer finir arreter changer ajouter enlever sais sait savons savez savent connais connait  ' +
  'connaissons vois voit voyons voyez pense pensais pensons pensez crois croyais semble semblait parait  ' +
  'paraissait etais etait etions etiez etaient serais serions seriez seraient aurais aurions auriez ai avons  ' +
  'avez ont avais avait avions aviez avaient aurai auras aura aurons aurez auront eue eus eues fait faisons  ' +
  'faites font faisais faisait ferai fera ferons ferez feront fais dit disons disent disais disait dirai dira  ' +
  'vu vue vus vues pris prise mis mise donne donnee donnes donnees trouve trouvee cherche cherchee met mets  ' +
  'mettons mettez demande demandes demandez repond repondez reponse reponses ici la partout ailleurs dedans  ' +
  'dehors dessus dessous devant derriere pres loin autour tres trop peu assez plus moins beaucoup bien mal  ' +
  'mieux vite tot tard souvent jamais toujours parfois encore deja bientot enfin oui non si peut etre sans  ' +
  'doute surement vraiment exactement justement simplement seulement aussi egalement ainsi donc alors puis  ' +
  'ensuite car mais ou et ni or comme quand lorsque puisque parce pourquoi comment combien quoi ce cet cette  ' +
  'ces celui celle ceux celles ceci cela ca mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je  ' +
  'tu il elle on nous vous ils elles me te se moi toi lui eux soi un une des le les du de au aux l d s n m t c  ' +
  'j qu y en quelque quelques chaque plusieurs certains certaines tout toute tous toutes aucun aucune autre  ' +
  'autres meme memes tel telle question questions besoin info infos information informations renseignement  ' +
  'renseignements detail details precision precisions merci svp stp sil plait bonjour bonsoir salut coucou  ' +
  'hello cordialement bisous ok okay oki daccord accord ben bah euh hum hmm ah oh eh hein voila voici tiens the  ' +
  'a and but if then so because as of in at to for from with without by about into over under between is are  ' +
  'was were be been being am has have had do does did done will would shall should can could may might must i  ' +
  'you he she it we they him her us them my your his its our their mine yours this that these those here there  ' +
  'where when why how what which who whom whose all any some many much more most few less least each every  ' +
  'other another such same not no yes yeah yep nope please thanks thank sure well just only also even still  ' +
  'already yet again very really quite rather too enough almost get got give gave know knew think thought see  ' +
  'saw look looking want wanted need needed like liked tell told ask asked say said show showed find found make  ' +
  'made take took come came go went town city village council time times day days week weeks month months year  ' +
  'years today'
).split(/\s+/).filter(Boolean);

for (const w of COMMON_FILLER) (FILLER as Set<string>).add(w);

export type Phrase = { cue: Cue; words: string[] };

/** Every phrase, longest first, indexed by its first word. */
const byFirst = new Map<string, Phrase[]>();
for (const [cue, list] of P) {
  for (const text of list.split('|')) {
    const words = text.trim().split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    const first = words[0] as string;
    const at = byFirst.get(first) ?? [];
    at.push({ cue, words });
    byFirst.set(first, at);
  }
}
for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

/** Every vocabulary word (of any phrase): not a place on its own. */
export const VOCABULARY: ReadonlySet<string> = new Set([...FILLER, ...NOT_PLACE, ...[...byFirst.values()].flat().flatMap((p) => p.words)]);

/** The phrases starting at token `i` (longest first). */
export function phrasesAt(norms: readonly string[], i: number): Phrase[] {
  const candidates = byFirst.get(norms[i] as string);
  if (!candidates) return [];
  return candidates.filter((p) => p.words.every((w, k) => norms[i + k] === w));
}
