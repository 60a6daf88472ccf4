import pytest
from backup_data import populate


@pytest.fixture
def filled(data_dir):
    populate()
    return data_dir
