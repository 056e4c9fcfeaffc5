# SPDX-License-Identifier: BSD-3-Clause
import os
__version__ = "0.1" # comment
print("%s" % os.name)