"""What a page costs in queries, measured before and after the data grows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:  # a streamed file reads the database as it is sent
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


def assert_fixed_query_count(client, urls, grow):
    """Each URL costs the same number of queries after ``grow()`` has added rows.

    On failure the message shows the queries the larger data set added.
    """
    before = {url: queries_for(client, url) for url in urls}
    grow()
    for url in urls:
        after = queries_for(client, url)
        assert len(after) == len(before[url]), (url, after[len(before[url]) :][:5])
