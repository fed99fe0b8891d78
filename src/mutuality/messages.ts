// The words of this domain's pages, mail and notifications, in every language Kropotkin ships (the words many
// domains share are in web/i18n). Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'nav.mutuality': 'How we share',
  'notification.checkin': 'How are you holding up? One question, answered only as a count.',
  'notification.loadWarning': 'A few members are carrying most of the work lately. See how we share.',
  'error.checkinClosed': 'There is no check-in open just now.',
  'error.alreadyAnswered': 'You have answered this check-in already. Thank you.',
  'mutuality.title': 'How we share',
  'mutuality.intro':
    "A mirror for the network: whether help flows both ways, whether a few carry the work or the deciding, and how needs fare. Only totals of what members did — never anyone's own figures, and nothing that rests on fewer than five members.",
  'mutuality.summaryLink': 'One-page summary to print',
  'mutuality.csvLink': 'Figures as CSV',
  'mutuality.suppressed': 'not shown (fewer than 5 members)',
  'mutuality.suppressedNote':
    'A dash (—) marks a figure that rests on fewer than 5 members: it is not shown, so nobody’s own activity can be read from it.',
  'mutuality.helping': 'Helping',
  'mutuality.deciding': 'Deciding',
  'mutuality.coordinating': 'Coordinating',
  'mutuality.driftTitle': 'The network may be sliding toward charity',
  'mutuality.driftReciprocity': 'Fewer members than agreed both give and receive help: help is flowing mostly one way.',
  'mutuality.driftUneven': '{what} rests on fewer shoulders than agreed.',
  'mutuality.practicesIntro': 'Practices that help:',
  'mutuality.practiceRotate': 'Rotate roles, so coordinating passes around.',
  'mutuality.practiceRotateLink': 'See the roles',
  'mutuality.practiceInvite':
    'Invite people who mostly receive into planning and deciding; ask what they would like to offer.',
  'mutuality.practiceSplit': 'Split big roles into smaller ones held by more people.',
  'mutuality.practiceAsk': 'Post your own needs too: asking for help is part of mutual aid.',
  'mutuality.practiceRest': 'Those carrying the most can take a break; the network holds.',
  'mutuality.loadWarned':
    'On {date} the network was told that the busiest tenth carried {share} of the work (the agreed line is {threshold}).',
  'mutuality.reciprocity': 'Reciprocity',
  'mutuality.reciprocityHint': 'Of members who gave or received help in the last 90 days, the share who did both.',
  'mutuality.reciprocityOf':
    '{active, plural, one {{both} of # member both gave and received.} other {{both} of # members both gave and received.}}',
  'mutuality.reciprocityChart': "Reciprocity by month (90 days to each month's end)",
  'mutuality.month': 'Month',
  'mutuality.share': 'Share',
  'mutuality.concentration': 'How evenly the work is shared',
  'mutuality.concentrationHint':
    'Last 90 days, among members active in that time. Gini is 0 when everyone carries the same and near 1 when one carries all; the second column is the share carried by the busiest tenth. Helping: matches and rota slots. Deciding: proposals opened and votes. Coordinating: months in roles.',
  'mutuality.work': 'Work',
  'mutuality.gini': 'How uneven (0 to 1)',
  'mutuality.topShare': 'Share done by the 1 in 10 who do most',
  'mutuality.giniChart': "How uneven, by month (90 days to each month's end)",
  'mutuality.needs': 'Meeting needs',
  'mutuality.needsChart': 'Needs by month posted: how many, met, expired',
  'mutuality.posted': 'Posted',
  'mutuality.met': 'Met',
  'mutuality.expired': 'Expired',
  'mutuality.byCategory': 'By kind of help, last 90 days',
  'mutuality.noNeeds': 'No needs posted in the last 90 days.',
  'mutuality.speed': 'How fast, last 90 days',
  'mutuality.median': 'Median',
  'mutuality.p90': '9 in 10 within',
  'mutuality.toMatch': 'From posting to someone helping',
  'mutuality.toMeet': 'From posting to met',
  'mutuality.checkins': 'How members are holding up',
  'mutuality.checkinsHint': 'Answers to the check-in, as counts only.',
  'mutuality.noCheckins': 'No check-ins yet.',
  'mutuality.asked': 'Asked',
  'mutuality.privacy':
    'Thresholds by agreement: the network is told when the busiest tenth carry more than {load}% of the work in 30 days; a warning shows when reciprocity is under {floor}% or a Gini passes {gini}.',
  'mutuality.summaryTitle': '{network}: how we share, {date}',
  'mutuality.lastThirty': 'Share of the work done by the 1 in 10 who do most, last 30 days',
  'mutuality.noDrift': 'No warning: the figures are within what the members agreed.',
  'mutuality.summaryFoot':
    'Only totals; figures from fewer than five members are not shown. Time to match and to met: median / 9 in 10.',
  'mutuality.backToDashboard': 'Back to the dashboard',
  'checkin.title': 'How are you holding up?',
  'checkin.intro':
    'One question every few weeks. Your answer is added to a count and nothing else: nobody, not even the server, keeps who answered what.',
  'checkin.noneOpen': 'There is no check-in open just now.',
  'checkin.thanks': 'Thank you. Your answer is counted.',
  'checkin.question': 'How are you holding up?',
  'checkin.send': 'Send',
  'checkin.seeCounts': 'See the counts',
  'mutuality.measure': 'Measure',
  'mutuality.byCategoryMonth': 'By kind of help and month',

  'agreement.checkin_weeks': 'How often members are asked how they are holding up',
  'agreement.load_top_share': 'Tell the network when the busiest tenth carry more than this share of the work',
  'agreement.reciprocity_floor': 'Warn when fewer members than this both give and receive',
  'agreement.gini_ceiling': 'Warn when the unevenness (Gini) of helping, deciding or coordinating passes',

  'agreement.checkin_weeks.never': 'never',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'nav.mutuality': 'Cómo compartimos',
  'notification.checkin': '¿Cómo lo llevas? Una pregunta; las respuestas solo se cuentan.',
  'notification.loadWarning':
    'Últimamente unas pocas personas llevan la mayor parte del trabajo. Mira cómo compartimos.',
  'error.checkinClosed': 'Ahora mismo no hay ninguna pregunta abierta.',
  'error.alreadyAnswered': 'Ya respondiste a esta pregunta. Gracias.',
  'mutuality.title': 'Cómo compartimos',
  'mutuality.intro':
    'Un espejo para el grupo: si la ayuda va en ambos sentidos, si unas pocas personas llevan el trabajo o las decisiones, y cómo van las necesidades. Solo totales de lo que se hizo, nunca las cifras de nadie, y nada que dependa de menos de cinco personas.',
  'mutuality.summaryLink': 'Resumen de una página para imprimir',
  'mutuality.csvLink': 'Cifras en CSV',
  'mutuality.suppressed': 'no se muestra (menos de 5 personas)',
  'mutuality.suppressedNote':
    'Una raya (—) marca una cifra que se basa en menos de 5 personas: no se muestra, para que no se pueda leer la actividad de nadie.',
  'mutuality.helping': 'Ayudar',
  'mutuality.deciding': 'Decidir',
  'mutuality.coordinating': 'Coordinar',
  'mutuality.driftTitle': 'El grupo podría estar deslizándose hacia la caridad',
  'mutuality.driftReciprocity':
    'Menos personas de lo acordado dan y reciben ayuda: la ayuda va sobre todo en un sentido.',
  'mutuality.driftUneven': '{what} recae sobre menos personas de lo acordado.',
  'mutuality.practicesIntro': 'Prácticas que ayudan:',
  'mutuality.practiceRotate': 'Rotar los cargos, para que coordinar pase de mano en mano.',
  'mutuality.practiceRotateLink': 'Ver los cargos',
  'mutuality.practiceInvite':
    'Invitar a quienes sobre todo reciben a planificar y decidir; preguntarles qué les gustaría ofrecer.',
  'mutuality.practiceSplit': 'Dividir los cargos grandes en otros más pequeños que ocupen más personas.',
  'mutuality.practiceAsk': 'Publicar también las propias necesidades: pedir ayuda es parte del apoyo mutuo.',
  'mutuality.practiceRest': 'Quienes más cargan pueden tomarse un descanso; el grupo sostiene.',
  'mutuality.loadWarned':
    'El {date} se avisó al grupo de que la décima parte más ocupada llevaba el {share} del trabajo (la línea acordada es {threshold}).',
  'mutuality.reciprocity': 'Reciprocidad',
  'mutuality.reciprocityHint':
    'De las personas que dieron o recibieron ayuda en los últimos 90 días, la parte que hizo ambas cosas.',
  'mutuality.reciprocityOf':
    '{active, plural, one {{both} de # persona dio y recibió.} other {{both} de # personas dieron y recibieron.}}',
  'mutuality.reciprocityChart': 'Reciprocidad por mes (90 días hasta el final de cada mes)',
  'mutuality.month': 'Mes',
  'mutuality.share': 'Parte',
  'mutuality.concentration': 'Cómo de repartido está el trabajo',
  'mutuality.concentrationHint':
    'Últimos 90 días, entre las personas activas en ese tiempo. El Gini es 0 cuando todas cargan lo mismo y casi 1 cuando una lo carga todo; la segunda columna es la parte que lleva la décima parte más ocupada. Ayudar: ayudas dadas y turnos. Decidir: propuestas abiertas y votos. Coordinar: meses en cargos.',
  'mutuality.work': 'Trabajo',
  'mutuality.gini': 'Cuán desigual (de 0 a 1)',
  'mutuality.topShare': 'Parte que hace la persona de cada 10 que más hace',
  'mutuality.giniChart': 'Cuán desigual, por mes (90 días hasta el final de cada mes)',
  'mutuality.needs': 'Atender necesidades',
  'mutuality.needsChart': 'Necesidades por mes de publicación: cuántas, atendidas, caducadas',
  'mutuality.posted': 'Publicadas',
  'mutuality.met': 'Atendidas',
  'mutuality.expired': 'Caducadas',
  'mutuality.byCategory': 'Por tipo de ayuda, últimos 90 días',
  'mutuality.noNeeds': 'No se publicaron necesidades en los últimos 90 días.',
  'mutuality.speed': 'Con qué rapidez, últimos 90 días',
  'mutuality.median': 'Mediana',
  'mutuality.p90': '9 de cada 10 en',
  'mutuality.toMatch': 'De la publicación a que alguien ayude',
  'mutuality.toMeet': 'De la publicación a atendida',
  'mutuality.checkins': 'Cómo lo llevan las personas',
  'mutuality.checkinsHint': 'Respuestas a la pregunta, solo como recuentos.',
  'mutuality.noCheckins': 'Aún no ha habido preguntas.',
  'mutuality.asked': 'Preguntado',
  'mutuality.privacy':
    'Umbrales por acuerdo: se avisa al grupo cuando la décima parte más ocupada lleva más del {load}% del trabajo en 30 días; aparece un aviso cuando la reciprocidad baja del {floor}% o un Gini supera {gini}.',
  'mutuality.summaryTitle': '{network}: cómo compartimos, {date}',
  'mutuality.lastThirty': 'Parte del trabajo que hace la persona de cada 10 que más hace, últimos 30 días',
  'mutuality.noDrift': 'Sin avisos: las cifras están dentro de lo acordado.',
  'mutuality.summaryFoot':
    'Solo totales; no se muestran cifras de menos de cinco personas. Tiempo hasta emparejar y hasta atender: mediana / 9 de cada 10.',
  'mutuality.backToDashboard': 'Volver al panel',
  'checkin.title': '¿Cómo lo llevas?',
  'checkin.intro':
    'Una pregunta cada pocas semanas. Tu respuesta se suma a un recuento y nada más: nadie, ni siquiera el servidor, guarda quién respondió qué.',
  'checkin.noneOpen': 'Ahora mismo no hay ninguna pregunta abierta.',
  'checkin.thanks': 'Gracias. Tu respuesta está contada.',
  'checkin.question': '¿Cómo lo llevas?',
  'checkin.send': 'Enviar',
  'checkin.seeCounts': 'Ver los recuentos',
  'mutuality.measure': 'Medida',
  'mutuality.byCategoryMonth': 'Por tipo de ayuda y mes',

  'agreement.checkin_weeks': 'Cada cuánto se pregunta a las personas cómo lo llevan',
  'agreement.load_top_share': 'Avisar al grupo cuando la décima parte más ocupada lleve más de esta parte del trabajo',
  'agreement.reciprocity_floor': 'Avisar cuando menos de esta parte de las personas dé y reciba',
  'agreement.gini_ceiling': 'Avisar cuando la desigualdad (Gini) al ayudar, decidir o coordinar supere',

  'agreement.checkin_weeks.never': 'nunca',
});
