import os
__version__ = "0.1" # comment
print("%s" % os.name)