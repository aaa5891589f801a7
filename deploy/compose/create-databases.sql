-- One database per service: each service owns its data and migrates it with Flyway at start-up.
CREATE DATABASE catalog;
CREATE DATABASE matching;
CREATE DATABASE twinning;
CREATE DATABASE gateway;
