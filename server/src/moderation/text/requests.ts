/**
 * A request, asked as people ask: an imperative opening the sentence (`write a roast`, `give
 * me`, `help me`), a question of how or what, or the speaker's plan. Not a verb inside a story's sentence (`She wanted
 * to make the bird cry`).
 */
export const REQUESTED =
  /(?:^\s*|[.!?:]\s*|\b(?:please|pls|plz|can\s+you|could\s+you|just|now|so|ok|okay|hey|yo|lol)\s+)(?:write|draft|compose|craft|make|give|help|tell|create|generate|list|come\s+up|teach|show|suggest|roast|pretend|act|be|play|roleplay|role-play|argue|convince|persuade|explain|lay\s+out|justify|defend|sell|find|need|want|wanna|gimme)\b|\b(?:(?:how|hw)\s+(?:do|can|could|would|should|to|2|nasty|mean)|(?:what|wat|wht|wut)(?:['’]s|\s+is|\s+are)?\s+(?:\w+\s+){0,3}?(?:should|can|could|would|do|to|will|works?|makes?|the\s+best|the\s+most|some)|which\s+(?:\w+\s+){0,3}?(?:should|would|could|are|is|will|make|work|hurt)|any\s+(?:ideas|tips|advice|suggestions)|ideas\s+(?:for|to|pls|please)|tips\s+(?:for|to|on)|ways?\s+to|best\s+way|steps\s+to|help\s+me|give\s+me|i\s+need|need\s+some|is\s+it\s+(?:ok|okay|fine)\s+to)\b|\b(?:i|we|ima|imma)(?:\s+|(?=['’]))(?:\w+\s+){0,2}?(?:want|wanna|plan|planning|need|am\s+going|['’]m\s+going|['’]m\s+gonna|gonna|will|['’]ll|would\s+(?:like|love)|['’]d\s+(?:like|love)|intend|mean|plan)\b|\b(?:convince|persuade|argue|make\s+the\s+case|lay\s+out|explain\s+why|justify|defend|sell\s+me)\b/i;
