"""The member's own page on the phone, served by the ledger: the rotating member code signed
on the phone, the profile and history, bound phones. Its API (``api``) takes requests
signed by the phone's device key; its files (``static/``) are served under a strict
Content-Security-Policy (``files``)."""
