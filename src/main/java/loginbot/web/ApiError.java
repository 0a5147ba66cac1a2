package loginbot.web;

/** The JSON body of every 4xx/5xx answer: a stable code and a sentence for humans. */
public record ApiError(String error, String message) {}
