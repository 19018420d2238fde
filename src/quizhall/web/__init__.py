"""What a browser or phone reaches: the audience's phone page and server (no Textual here).

:mod:`quizhall.web.desk` hands the phones' joins and answers to the host's thread, the only
writer of the log; :mod:`quizhall.web.server` serves the page and its API in a thread.
"""
