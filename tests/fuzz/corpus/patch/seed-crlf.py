__version__ = '1.0'
x = 1
