"""newsclean inside other tools' pipelines. Each module imports its tool, which is an optional
dependency (`pip install 'newsclean[datatrove]'`); newsclean itself never imports them."""
