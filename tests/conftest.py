import pytest

# Show the values in failed assertions of the shared helpers too.
pytest.register_assert_rewrite("runner")
