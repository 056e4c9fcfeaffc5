# SPDX-License-Identifier: BSD-3-Clause
__version__ = '1.0'
x = 1
