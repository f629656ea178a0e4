/**
 * The churn classifiers: one entry each, the names derived from the registry (STYLE.md practice 2). Every
 * classifier fits on labelled frames, gives margins (log-odds), prints itself as SQL over the raw feature
 * columns and explains a margin as per-feature Shapley values that sum to it minus the expected margin.
 */
import type { Sql } from '../sql/sql.ts';
import type { Frame } from './frame.ts';
import { fitGbdt, type GbdtModel, type GbdtParams, type Labelled } from './gbdt/boost.ts';
import { gbdtMargin } from './gbdt/predict.ts';
import { gbdtShap, type ShapValues } from './gbdt/shap.ts';
import { gbdtTerms } from './gbdt/to-sql.ts';
import { fitLogistic, type LogisticModel, logisticMargin, logisticShap, logisticTerms } from './logistic.ts';

export interface ClassifierOptions {
  gbdt?: Partial<GbdtParams>;
  /** L2 penalty of the logistic baseline. */
  lambda?: number;
}

interface Classifier<M> {
  title: string;
  reference: string;
  fit(train: Labelled, valid: Labelled | null, o: ClassifierOptions): Promise<M>;
  margin(model: M, frame: Frame): Float64Array;
  /** SQL terms whose sum, left to right, is the margin. */
  sqlTerms(model: M, column?: (name: string) => Sql): Sql[];
  shap(model: M, frame: Frame): ShapValues;
}

export interface ClassifierModels {
  gbdt: GbdtModel;
  logistic: LogisticModel;
}
export type ClassifierName = keyof ClassifierModels;
export type ClassifierModel = ClassifierModels[ClassifierName];

export const classifiers: { [K in ClassifierName]: Classifier<ClassifierModels[K]> } = {
  gbdt: {
    title: 'Histogram gradient-boosted trees',
    reference: 'Friedman (2001); Chen & Guestrin (2016); Ke et al. (2017); Lundberg et al. (2020)',
    fit: (train, valid, o) => fitGbdt(train, valid, o.gbdt),
    margin: gbdtMargin,
    sqlTerms: gbdtTerms,
    shap: gbdtShap,
  },
  logistic: {
    title: 'L2-penalised logistic regression (baseline)',
    reference: 'le Cessie & van Houwelingen (1992)',
    fit: async (train, _valid, o) => fitLogistic(train.frame, train.label, { lambda: o.lambda }),
    margin: logisticMargin,
    sqlTerms: logisticTerms,
    shap: logisticShap,
  },
};

export const classifierNames = Object.keys(classifiers) as ClassifierName[];

/** The registry entry of a fitted model, typed for it. */
export const classifierOf = <M extends ClassifierModel>(m: M) => classifiers[m.kind] as unknown as Classifier<M>;
