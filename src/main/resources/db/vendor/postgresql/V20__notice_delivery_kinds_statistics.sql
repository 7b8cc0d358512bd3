-- How many notices are unit e-mails still to be sent, counted as such, so that the dispatcher's claim of a mailbox's
-- other e-mails takes the index V19 made for it: PostgreSQL multiplies the shares of status, channel and recipient kind
-- as if they were independent, and an outbox of delivered e-mails and waiting SMS then looked full of due unit e-mails,
-- so that reading every notice still to be sent (jz_notice_to_send) seemed as cheap (UnitEmailClaimPlanTest). H2 has
-- no such statistics, nor the need: its planner takes the index on the address.
CREATE STATISTICS jz_notice_delivery_kinds (mcv) ON status, channel, recipient_kind FROM jz_notice;
