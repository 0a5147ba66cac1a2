package loginbot.store;

/** How many handed-off conversations each queue view holds, for one agent. */
public record QueueCounts(int all, int unassigned, int mine) {}
