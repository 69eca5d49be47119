/** The categories PAM sorts non-spam mail into. */
export const CATEGORIES = ["action", "fyi", "newsletter", "personal", "finance", "travel"] as const;

/** One of {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];

/** Human names for the categories. */
export const CATEGORY_LABELS: Record<Category, string> = {
  action: "action needed",
  fyi: "FYI",
  newsletter: "newsletter",
  personal: "personal",
  finance: "finance",
  travel: "travel",
};

/**
 * What each category is about, as sentences: the zero-shot prototypes the embeddings compare a message with.
 * Several per category, averaged, so one odd word does not decide.
 */
export const CATEGORY_PROTOTYPES: Record<Category, readonly string[]> = {
  action: [
    "Could you please review this and send me your answer by tomorrow",
    "Can you fix the problem and let me know when it is done",
    "I need you to approve the request before the deadline",
  ],
  fyi: [
    "Just letting you know the server was upgraded last night",
    "For your information the release notes are attached",
    "Here is an update on the project status",
  ],
  newsletter: [
    "This week's newsletter with the latest news articles and links",
    "You are receiving this mailing list digest because you subscribed",
    "Unsubscribe from this list at any time",
  ],
  personal: [
    "Hi, how are you doing, hope the family is well",
    "Want to get dinner with friends this weekend",
    "Happy birthday, thanks for the lovely party",
  ],
  finance: [
    "Your invoice and payment receipt for the account",
    "Bank statement, credit card charges and money transfer",
    "Tax, price, cost and budget for the quarter",
  ],
  travel: [
    "Your flight booking confirmation and boarding pass",
    "Hotel reservation and travel itinerary for the trip",
    "Train tickets, airport transfer and rental car",
  ],
};
