"""AI ETL Assistant for Apache Airflow: plain-language requests become validated, versioned DAGs."""

__version__ = "0.1.0"
