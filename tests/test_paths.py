from sellerdesk import paths


def test_data_dir_follows_env(isolated_environment):
    assert paths.data_dir() == isolated_environment
    assert isolated_environment.is_dir()


def test_resources_found_from_source():
    for parts in (("appicon", "sellerdesk.svg"), ("regions", "regions.tsv")):
        assert paths.resource(*parts).is_file()
