/** A pair of sentences and whether they are about the same thing. */
export interface SentencePair {
  readonly a: string;
  readonly b: string;
  readonly related: boolean;
}

/**
 * A small hand-written evaluation set about email topics (meetings, bills, deliveries, accounts, travel, work,
 * family): related pairs say the same thing in other words, unrelated pairs mix topics. Written for this package;
 * no sentence comes from the training data.
 */
export const SIF_EVAL_PAIRS: readonly SentencePair[] = [
  {
    a: "Can we move our meeting to Thursday afternoon?",
    b: "Is it possible to reschedule the call to later this week?",
    related: true,
  },
  { a: "Your invoice for March is attached.", b: "Please find the bill for last month enclosed.", related: true },
  {
    a: "Your package has shipped and will arrive on Monday.",
    b: "The order is on its way and should be delivered early next week.",
    related: true,
  },
  {
    a: "Click here to reset your password.",
    b: "Use this link to change the login credentials for your account.",
    related: true,
  },
  {
    a: "Your flight to Boston departs at 9 am.",
    b: "The plane leaves for the airport gate early in the morning.",
    related: true,
  },
  {
    a: "The quarterly sales report is due on Friday.",
    b: "Please send the revenue figures for the quarter by the end of the week.",
    related: true,
  },
  {
    a: "Happy birthday, mom! Hope you have a lovely day.",
    b: "Wishing my mother a wonderful birthday celebration.",
    related: true,
  },
  {
    a: "We are pleased to offer you the position of software engineer.",
    b: "Congratulations, the company would like to hire you for the developer job.",
    related: true,
  },
  {
    a: "Your subscription will renew automatically next month.",
    b: "The membership plan is charged again at the start of the coming month.",
    related: true,
  },
  {
    a: "The server crashed last night and the website is down.",
    b: "Our web site went offline after a system failure overnight.",
    related: true,
  },
  { a: "Dinner at seven at the Italian restaurant?", b: "Shall we eat pasta downtown this evening?", related: true },
  {
    a: "Your bank statement is ready to view online.",
    b: "Log in to see the latest summary of your checking account.",
    related: true,
  },
  {
    a: "The doctor's appointment is confirmed for Tuesday.",
    b: "Your visit to the clinic has been booked for next Tuesday.",
    related: true,
  },
  {
    a: "Please review the attached contract before signing.",
    b: "Read the agreement carefully and then add your signature.",
    related: true,
  },
  {
    a: "Thanks for your donation to the children's hospital.",
    b: "We are grateful for the gift you gave to the charity.",
    related: true,
  },
  {
    a: "The school will be closed tomorrow because of snow.",
    b: "Classes are cancelled on Friday due to the winter storm.",
    related: true,
  },
  {
    a: "Your hotel reservation in Paris is confirmed.",
    b: "We have booked your room in France for the trip.",
    related: true,
  },
  {
    a: "The team lunch is moved to noon on Wednesday.",
    b: "We will eat together with colleagues at midday midweek.",
    related: true,
  },
  {
    a: "Install the latest security update for your computer.",
    b: "A new software patch fixes vulnerabilities on your laptop.",
    related: true,
  },
  {
    a: "Your loan application has been approved.",
    b: "The bank agreed to lend you the money you asked for.",
    related: true,
  },
  {
    a: "Our new recipe uses fresh tomatoes and basil.",
    b: "Cook this dish with garden vegetables and herbs.",
    related: true,
  },
  {
    a: "The football game was postponed because of rain.",
    b: "Bad weather delayed the soccer match until next week.",
    related: true,
  },
  {
    a: "Please update the project schedule with the new deadlines.",
    b: "Change the timeline of the plan to reflect the revised due dates.",
    related: true,
  },
  {
    a: "You have won a free cruise! Claim your prize now.",
    b: "Congratulations, you are the lucky winner of a holiday trip.",
    related: true,
  },
  {
    a: "Can we move our meeting to Thursday afternoon?",
    b: "Our new recipe uses fresh tomatoes and basil.",
    related: false,
  },
  { a: "Your invoice for March is attached.", b: "The football game was postponed because of rain.", related: false },
  {
    a: "Your package has shipped and will arrive on Monday.",
    b: "Happy birthday, mom! Hope you have a lovely day.",
    related: false,
  },
  { a: "Click here to reset your password.", b: "Dinner at seven at the Italian restaurant?", related: false },
  {
    a: "Your flight to Boston departs at 9 am.",
    b: "Please review the attached contract before signing.",
    related: false,
  },
  {
    a: "The quarterly sales report is due on Friday.",
    b: "Thanks for your donation to the children's hospital.",
    related: false,
  },
  {
    a: "Happy birthday, mom! Hope you have a lovely day.",
    b: "Install the latest security update for your computer.",
    related: false,
  },
  {
    a: "We are pleased to offer you the position of software engineer.",
    b: "The school will be closed tomorrow because of snow.",
    related: false,
  },
  {
    a: "Your subscription will renew automatically next month.",
    b: "The doctor's appointment is confirmed for Tuesday.",
    related: false,
  },
  {
    a: "The server crashed last night and the website is down.",
    b: "Your hotel reservation in Paris is confirmed.",
    related: false,
  },
  { a: "Dinner at seven at the Italian restaurant?", b: "Your loan application has been approved.", related: false },
  {
    a: "Your bank statement is ready to view online.",
    b: "The football game was postponed because of rain.",
    related: false,
  },
  {
    a: "The doctor's appointment is confirmed for Tuesday.",
    b: "Our new recipe uses fresh tomatoes and basil.",
    related: false,
  },
  {
    a: "Please review the attached contract before signing.",
    b: "You have won a free cruise! Claim your prize now.",
    related: false,
  },
  {
    a: "Thanks for your donation to the children's hospital.",
    b: "The server crashed last night and the website is down.",
    related: false,
  },
  {
    a: "The school will be closed tomorrow because of snow.",
    b: "Your invoice for March is attached.",
    related: false,
  },
  {
    a: "Your hotel reservation in Paris is confirmed.",
    b: "Please update the project schedule with the new deadlines.",
    related: false,
  },
  { a: "The team lunch is moved to noon on Wednesday.", b: "Click here to reset your password.", related: false },
  {
    a: "Install the latest security update for your computer.",
    b: "Wishing my mother a wonderful birthday celebration.",
    related: false,
  },
  { a: "Your loan application has been approved.", b: "Shall we eat pasta downtown this evening?", related: false },
  {
    a: "Our new recipe uses fresh tomatoes and basil.",
    b: "The bank agreed to lend you the money you asked for.",
    related: false,
  },
  {
    a: "The football game was postponed because of rain.",
    b: "Use this link to change the login credentials for your account.",
    related: false,
  },
  {
    a: "Please update the project schedule with the new deadlines.",
    b: "Your package has shipped and will arrive on Monday.",
    related: false,
  },
  {
    a: "You have won a free cruise! Claim your prize now.",
    b: "The quarterly sales report is due on Friday.",
    related: false,
  },
];
