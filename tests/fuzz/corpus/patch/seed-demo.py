# SPDX-License-Identifier: BSD-3-Clause
#
#                              VELOXCHEM
#         ----------------------------------------------------
#                     An Electronic Structure Code
#
"""Example package module used by Release Console's example release."""

from .veloxchemlib import mpi_initialized

__version__ = "1.0rc3"

__all__ = ["mpi_initialized"]
