"""Code the tests share. Test modules and conftest fixtures import from here;
nothing imports from a conftest or from another test module."""
